import { type BeforeApplicationShutdown, Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import { InboxRegistry } from '@bt/api/inbox';
import { IdentityModule } from '@bt/api/identity';
import { MailAdminController } from './mail-admin.controller';
import { NotificationDigest } from './notification-digest';
import { NotificationDispatcher } from './notification-dispatcher';
import { NotificationMail } from './notification-mail';
import { NotificationPreferences } from './notification-preferences';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationReminders } from './notification-reminders';
import { NotificationsInboxSource } from './notifications-inbox.source';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/**
 * Who is told of each hand-over (libs/api/notifications/src/lib/notification-rules.ts), in the inbox
 * and by e-mail (NotificationMail, a pg-boss worker).
 * With the worker on (NOTIFICATIONS_WORKER, on unless false), each instance dispatches every
 * NOTIFICATION_POLL_MS; the cursor's row lock makes one of them do it at a time.
 */
/** The daily job that e-mails the inbox's deadline reminders, at 07:00 server time. */
export const REMINDER_QUEUE = 'notification-reminders';
const REMINDER_CRON = '0 7 * * *';
/** The daily digest e-mail, at 07:30 server time: after the reminders, so those kept for the digest are in it. */
export const DIGEST_QUEUE = 'notification-digest';
const DIGEST_CRON = '30 7 * * *';

@Module({
  imports: [IdentityModule],
  controllers: [MailAdminController, NotificationPreferencesController, UnsubscribeController],
  providers: [
    NotificationDispatcher,
    NotificationsInboxSource,
    NotificationMail,
    NotificationReminders,
    NotificationPreferences,
    NotificationDigest,
    UnsubscribeTokens,
  ],
  exports: [NotificationDispatcher, NotificationMail, NotificationReminders, NotificationPreferences, NotificationDigest, UnsubscribeTokens],
})
export class NotificationsModule implements OnModuleInit, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly registry: InboxRegistry,
    private readonly source: NotificationsInboxSource,
    private readonly dispatcher: NotificationDispatcher,
    private readonly mail: NotificationMail,
    private readonly reminders: NotificationReminders,
    private readonly digest: NotificationDigest,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.source);
    // Each notification's e-mail is queued in the transaction that writes it.
    this.dispatcher.onDispatched((em, dispatched) => this.mail.queue(em, dispatched));
  }

  /** Starts dispatching (createApp calls it once the start's own seeding is done). */
  async start(): Promise<void> {
    await this.mail.start();
    await this.dispatcher.begin();
    // Deadline reminders, pushed every morning (each due item once per person).
    await this.mail.schedule(REMINDER_QUEUE, REMINDER_CRON, () => this.reminders.remind());
    // The kinds each person chose to get in a digest, in one e-mail a day.
    await this.mail.schedule(DIGEST_QUEUE, DIGEST_CRON, () => this.digest.send());
    if (!this.config.notifications.worker || this.timer) return;
    this.timer = setInterval(() => {
      // One dispatch at a time per instance; a failed one is tried again at the next tick.
      this.running ??= this.dispatcher
        .dispatchAll()
        .catch((error: unknown) => this.logger.error(`notifications: dispatch failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => (this.running = null));
    }, this.config.notifications.pollMs);
    this.timer.unref();
  }

  /** Before the database closes: the dispatch and the delivery under way finish first. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.mail.stop();
  }
}
