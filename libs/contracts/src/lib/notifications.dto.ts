import type { InboxKind } from './inbox.dto';

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
