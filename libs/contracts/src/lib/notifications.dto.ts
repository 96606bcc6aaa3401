import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, ValidateNested } from 'class-validator';
import type { InboxKind } from './inbox.dto';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind } from './notification-kinds';

export { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind };

/** An e-mail of a notification that kept failing after every retry, for admins to look into and retry. */
export interface FailedMailDto {
  /** The notification's id (`POST /api/admin/mail/:id/retry`). */
  id: string;
  to: string;
  kind: InboxKind;
  /** The notification in English. */
  title: string;
  attempts: number;
  /** The SMTP server's last answer, or the connection's error. */
  error: string | null;
  at: string;
}

/** How notification e-mail stands, for the admins' Mail page. */
export interface MailStatusDto {
  /** false: SMTP_URL is not set, so e-mail stays queued. */
  smtpConfigured: boolean;
  /** E-mails waiting to be sent (or retried). */
  queued: number;
  /** The newest e-mails that failed after every retry (at most 100). */
  failed: FailedMailDto[];
}

/** How one kind reaches the person: their choice, or their roles' default (`chosen` false). */
export interface NotificationPreferenceDto {
  kind: NotificationKind;
  delivery: NotificationDelivery;
  chosen: boolean;
}

/** `GET /api/notifications/preferences`: every kind, in NOTIFICATION_KINDS' order. */
export interface NotificationPreferencesDto {
  preferences: NotificationPreferenceDto[];
}

export class NotificationPreferenceChoice {
  @IsIn(NOTIFICATION_KINDS)
  kind!: NotificationKind;

  @IsIn(NOTIFICATION_DELIVERIES)
  delivery!: NotificationDelivery;
}

/** `PUT /api/notifications/preferences`: the kinds chosen (others keep what they had). */
export class UpdateNotificationPreferencesRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  // Each an object: ValidateNested alone lets an array inside the array through.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceChoice)
  preferences!: NotificationPreferenceChoice[];
}
