import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { CurrentUserDto, MeDto, Role, SignInOptionsDto, SignInResultDto } from '@bt/contracts';
import { forgetDrafts } from './drafts';
import { catchError, finalize, from, map, type Observable, of, tap } from 'rxjs';

export interface Credentials {
  email: string;
  password: string;
}

/**
 * Who is signed in, as the API says. The session itself is an httpOnly cookie the app never sees;
 * this service only mirrors `GET /api/auth/current` (the user of `GET /api/auth/me`, or null) so pages can show what the user may do. The API
 * still decides every request.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly http = inject(HttpClient);
  private readonly user = signal<MeDto | null>(null);

  /** The signed-in user, or null for an anonymous visitor. */
  readonly me = this.user.asReadonly();
  readonly signedIn = computed(() => this.user() !== null);

  hasRole(role: Role): boolean {
    return this.user()?.roles.some((assignment) => assignment.role === role) ?? false;
  }

  /**
   * Asks the API who is signed in; run once at start. Never fails: without an answer (401, or the
   * API unreachable) the app starts anonymous and the public pages still work. `asked`: the answer
   * to the same question sent as the page started (main.ts, null when it failed), so the first page
   * does not wait for a round trip once the app's code has downloaded.
   */
  load(asked?: Promise<CurrentUserDto | null>): Observable<MeDto | null> {
    const answer = asked ? from(asked).pipe(map((current) => current ?? { me: null })) : this.http.get<CurrentUserDto>('/api/auth/current');
    return answer.pipe(
      map((current) => current.me),
      catchError((error: unknown) => {
        if (error instanceof HttpErrorResponse) return of(null);
        throw error;
      }),
      tap((me) => this.user.set(me)),
    );
  }

  /**
   * Signs in with e-mail and password: signed in, or (an account with two-step sign-in) `'code'`,
   * when the authenticator's code comes next. Errors (401, 429 with Retry-After, 400) are the caller's to show.
   */
  signIn(credentials: Credentials): Observable<MeDto | 'code'> {
    return this.http
      .post<SignInResultDto>('/api/auth/login', { email: credentials.email, password: credentials.password })
      .pipe(map((result) => this.signedInAs(result)));
  }

  /** The second step: a code from the authenticator app, or a recovery code. */
  signInWithCode(code: string): Observable<MeDto | 'code'> {
    return this.http.post<SignInResultDto>('/api/auth/login/second-factor', { code }).pipe(map((result) => this.signedInAs(result)));
  }

  /** Whether the user still owes the second factor their role requires (then only the account page is theirs). */
  readonly secondFactorOutstanding = computed(() => this.user()?.secondFactor?.outstanding ?? false);

  private signedInAs(result: SignInResultDto): MeDto | 'code' {
    if ('secondFactorRequired' in result) return 'code';
    this.user.set(result);
    return result;
  }

  /** Ends this session. The user is forgotten here even if the API cannot be reached. */
  signOut(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null).pipe(
      map(() => undefined),
      // Signing out leaves nothing half-written behind on a shared computer (an ended session keeps its drafts).
      finalize(() => {
        forgetDrafts();
        this.clear();
      }),
    );
  }

  /** Ends every session of this user, on every device, this one included. */
  signOutEverywhere(): Observable<void> {
    return this.http.post<void>('/api/auth/logout-everywhere', null).pipe(
      map(() => undefined),
      tap(() => {
        forgetDrafts();
        this.clear();
      }),
    );
  }

  /** 401 means the current password is wrong (not that the session ended); 400 a too-short new one. */
  changePassword(currentPassword: string, newPassword: string): Observable<void> {
    return this.http.post<void>('/api/auth/password', { currentPassword, newPassword }).pipe(map(() => undefined));
  }

  /** The sign-in methods on offer: the password always, single sign-on when configured. */
  options(): Observable<SignInOptionsDto> {
    return this.http.get<SignInOptionsDto>('/api/auth/options');
  }

  /** Forgets the user, e.g. when the API says the session has ended. */
  clear(): void {
    this.user.set(null);
  }
}
