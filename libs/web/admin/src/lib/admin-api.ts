import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  MailStatusDto,
  CreateOrganisationRequest,
  CreateUserRequest,
  IdentitySettingsDto,
  IssuedPasswordDto,
  OrganisationDto,
  RoleAssignmentDto,
  UserDto,
  UserListQuery,
} from '@bt/contracts';
import type { Observable } from 'rxjs';

/*
 * The administration calls of the API (admin role only; 403 for anyone else). The request classes of
 * @bt/contracts are used as types only, so class-validator stays out of the bundle.
 */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  organisations(): Observable<OrganisationDto[]> {
    return this.http.get<OrganisationDto[]>('/api/admin/organisations');
  }

  createOrganisation(request: CreateOrganisationRequest): Observable<OrganisationDto> {
    return this.http.post<OrganisationDto>('/api/admin/organisations', request);
  }

  renameOrganisation(id: string, name: string): Observable<OrganisationDto> {
    return this.http.patch<OrganisationDto>(`/api/admin/organisations/${encodeURIComponent(id)}`, { name });
  }

  /** Users matching words (name, e-mail) and an organisation; a filter not set is not sent. */
  users(filter: UserListQuery = {}): Observable<UserDto[]> {
    let params = new HttpParams();
    if (filter.q?.trim()) params = params.set('q', filter.q.trim());
    if (filter.organisationId) params = params.set('organisationId', filter.organisationId);
    return this.http.get<UserDto[]>('/api/admin/users', { params });
  }

  /** Without a password in the request, the answer carries a generated one, to be shown once. */
  createUser(request: CreateUserRequest): Observable<IssuedPasswordDto> {
    return this.http.post<IssuedPasswordDto>('/api/admin/users', request);
  }

  setRoles(userId: string, roles: RoleAssignmentDto[]): Observable<UserDto> {
    return this.http.put<UserDto>(`${this.user(userId)}/roles`, { roles });
  }

  /** Also ends every session of the user at once. */
  disableUser(userId: string): Observable<UserDto> {
    return this.http.post<UserDto>(`${this.user(userId)}/disable`, null);
  }

  enableUser(userId: string): Observable<UserDto> {
    return this.http.post<UserDto>(`${this.user(userId)}/enable`, null);
  }

  /** Switches off the user's two-step sign-in (a lost phone); their sessions end. */
  resetSecondFactor(userId: string): Observable<UserDto> {
    return this.http.post<UserDto>(`${this.user(userId)}/second-factor/reset`, null);
  }

  /** Lifts the sign-in throttle on the account (its recent failed attempts are forgotten). */
  unlockUser(userId: string): Observable<UserDto> {
    return this.http.post<UserDto>(`${this.user(userId)}/unlock`, null);
  }

  /** A new temporary password, shown once; the user's sessions end. */
  resetPassword(userId: string): Observable<IssuedPasswordDto> {
    return this.http.post<IssuedPasswordDto>(`${this.user(userId)}/reset-password`, null);
  }

  settings(): Observable<IdentitySettingsDto> {
    return this.http.get<IdentitySettingsDto>('/api/admin/settings');
  }

  /** Notification e-mail: whether SMTP is set, how many wait, which failed after every retry. */
  mailStatus(): Observable<MailStatusDto> {
    return this.http.get<MailStatusDto>('/api/admin/mail');
  }

  /** Queues a failed e-mail again. */
  retryMail(notificationId: string): Observable<void> {
    return this.http.post<void>(`/api/admin/mail/${encodeURIComponent(notificationId)}/retry`, null);
  }

  saveSettings(settings: IdentitySettingsDto): Observable<IdentitySettingsDto> {
    return this.http.put<IdentitySettingsDto>('/api/admin/settings', settings);
  }

  private user(userId: string): string {
    return `/api/admin/users/${encodeURIComponent(userId)}`;
  }
}
