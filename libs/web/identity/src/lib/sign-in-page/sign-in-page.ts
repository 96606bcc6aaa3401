import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, type ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { catchError, of } from 'rxjs';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AuthSession } from '../auth-session';
import { CURRENT_LANGUAGE, reloadIn } from '../language/language';
import { safeReturnTo } from '../sign-in-address';

/** Why the last attempt to sign in did not work. */
export type SignInProblem =
  | { readonly kind: 'credentials' }
  | { readonly kind: 'throttled'; readonly minutes: number | null }
  | { readonly kind: 'rejected'; readonly detail: string | null }
  | { readonly kind: 'code'; readonly detail: string | null }
  | { readonly kind: 'unavailable' };

/** The `error` codes this page explains: the API's single sign-on outcomes, and an ended session. */
const NOTICES = ['session_ended', 'sso_failed', 'sso_unknown_account', 'sso_disabled'] as const;
type Notice = (typeof NOTICES)[number] | 'unknown';

/** Signing in with e-mail and password, or with single sign-on when the API offers it. */
@Component({
  selector: 'bt-sign-in-page',
  imports: [NgTemplateOutlet, ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput, MatProgressBar],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  /** Where to go once signed in (query parameter), if it is an address of this app. */
  readonly returnTo = input<string>();
  /** Why the user was sent here (query parameter): an ended session or a single sign-on outcome. */
  readonly error = input<string>();
  /** `second-factor` (query parameter): single sign-on proved the first factor, the code comes next. */
  readonly step = input<string>();

  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly language = inject(CURRENT_LANGUAGE);
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected readonly codeForm = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(40)] }),
  });
  /** The password was right and the account has two-step sign-in: its code is asked for. */
  private readonly passwordAccepted = signal(false);
  protected readonly askingForCode = computed(() => this.passwordAccepted() || this.step() === 'second-factor');

  protected readonly busy = signal(false);
  protected readonly problem = signal<SignInProblem | null>(null);

  protected readonly notice = computed<Notice | null>(() => {
    const code = this.error();
    if (!code) return null;
    return (NOTICES as readonly string[]).includes(code) ? (code as Notice) : 'unknown';
  });

  /** Single sign-on, when the API has it configured; without an answer, the password form suffices. */
  private readonly options = toSignal(this.session.options().pipe(catchError(() => of(null))), {
    initialValue: null,
  });
  protected readonly singleSignOn = computed(() => {
    const oidc = this.options()?.oidc;
    return oidc?.enabled ? oidc.label : null;
  });
  /** A full page navigation: the API hands the browser on to the identity provider. */
  protected readonly singleSignOnHref = computed(() => `/api/auth/oidc/login?returnTo=${encodeURIComponent(safeReturnTo(this.returnTo()))}`);

  protected submit(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      (this.form.controls.email.invalid ? this.emailInput() : this.passwordInput())?.nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.session.signIn(this.form.getRawValue()).subscribe({
      next: (outcome) => {
        this.busy.set(false);
        if (outcome === 'code') {
          this.passwordAccepted.set(true);
          this.form.controls.password.reset();
          // The code field appears with the next render; the person types straight into it.
          setTimeout(() => this.codeInput()?.nativeElement.focus());
          return;
        }
        this.goOn();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(signInProblem(error));
        this.form.controls.password.reset();
        this.passwordInput()?.nativeElement.focus();
      },
    });
  }

  protected submitCode(): void {
    if (this.busy()) return;
    if (this.codeForm.invalid) {
      this.codeForm.markAllAsTouched();
      this.codeInput()?.nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.session.signInWithCode(this.codeForm.getRawValue().code.trim()).subscribe({
      next: () => {
        this.busy.set(false);
        this.goOn();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = signInProblem(error);
        // A 401 here is a wrong code — or a sign-in that waited too long, which the API's message says.
        this.problem.set(problem.kind === 'credentials' ? { kind: 'code', detail: apiErrorMessage(error as HttpErrorResponse) } : problem);
        this.codeForm.reset();
        this.codeInput()?.nativeElement.focus();
      },
    });
  }

  /** Back to the e-mail and password (a sign-in waits only minutes for its code). */
  protected startOver(): void {
    this.passwordAccepted.set(false);
    this.problem.set(null);
    this.codeForm.reset();
    void this.router.navigate([], { queryParams: { step: null }, queryParamsHandling: 'merge', replaceUrl: true });
    setTimeout(() => this.emailInput().nativeElement.focus());
  }

  /**
   * Back where the user was going — or, while their role's second factor is not set up, to the
   * account page for it; in the language they chose for their account, if this page is in another.
   */
  private goOn(): void {
    const target = this.session.secondFactorOutstanding() ? '/account' : safeReturnTo(this.returnTo());
    const language = this.session.me()?.language;
    if (language && language !== this.language) return reloadIn(language, target);
    void this.router.navigateByUrl(target, { replaceUrl: true });
  }
}

export function signInProblem(error: unknown): SignInProblem {
  if (!(error instanceof HttpErrorResponse)) return { kind: 'unavailable' };
  switch (error.status) {
    case 401:
      return { kind: 'credentials' };
    case 429:
      return { kind: 'throttled', minutes: retryAfterMinutes(error.headers.get('Retry-After')) };
    case 400:
      return { kind: 'rejected', detail: apiErrorMessage(error) };
    default:
      return { kind: 'unavailable' };
  }
}

/** `Retry-After` is seconds (or, rarely, an HTTP date); people read whole minutes, rounded up. */
export function retryAfterMinutes(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - now) / 1000;
  if (!Number.isFinite(seconds)) return null;
  return Math.max(1, Math.ceil(seconds / 60));
}
