import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  NotificationDelivery,
  NotificationKind,
  NotificationPreferenceDto,
  NotificationPreferencesDto,
  RecoveryCodesDto,
  SecondFactorStatusDto,
  SessionDto,
  TotpEnrolmentDto,
} from '@bt/contracts';
import { map, type Observable } from 'rxjs';

/** The signed-in user's own second factor, sessions and notification settings (`/api/auth/second-factor`, `/api/auth/sessions`, `/api/notifications/preferences`). */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  secondFactor(): Observable<SecondFactorStatusDto> {
    return this.http.get<SecondFactorStatusDto>('/api/auth/second-factor');
  }

  beginEnrolment(): Observable<TotpEnrolmentDto> {
    return this.http.post<TotpEnrolmentDto>('/api/auth/second-factor/enrolment', null);
  }

  /** 422: not the app's current code. */
  confirmEnrolment(code: string): Observable<string[]> {
    return this.http.post<RecoveryCodesDto>('/api/auth/second-factor/enrolment/confirmation', { code }).pipe(map((r) => r.recoveryCodes));
  }

  renewRecoveryCodes(code: string): Observable<string[]> {
    return this.http.post<RecoveryCodesDto>('/api/auth/second-factor/recovery-codes', { code }).pipe(map((r) => r.recoveryCodes));
  }

  /** 409 while the identity settings require it for the user's role. */
  removeSecondFactor(code: string): Observable<void> {
    return this.http.post<void>('/api/auth/second-factor/removal', { code });
  }

  sessions(): Observable<SessionDto[]> {
    return this.http.get<SessionDto[]>('/api/auth/sessions');
  }

  endSession(id: string): Observable<void> {
    return this.http.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`);
  }

  endOtherSessions(): Observable<void> {
    return this.http.post<void>('/api/auth/sessions/end-others', null);
  }

  notificationPreferences(): Observable<NotificationPreferenceDto[]> {
    return this.http.get<NotificationPreferencesDto>('/api/notifications/preferences').pipe(map((r) => r.preferences));
  }

  /** Answers every kind as it is after the change. */
  chooseNotificationPreferences(preferences: { kind: NotificationKind; delivery: NotificationDelivery }[]): Observable<NotificationPreferenceDto[]> {
    return this.http.put<NotificationPreferencesDto>('/api/notifications/preferences', { preferences }).pipe(map((r) => r.preferences));
  }
}
