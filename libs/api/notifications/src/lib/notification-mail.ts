import { Inject, Injectable, Logger } from '@nestjs/common';
import type * as Nodemailer from 'nodemailer';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, onFirstUse } from '@bt/api/core';
import { composeMail, type MailNotification } from './compose-mail';
import type { Dispatched } from './notification-dispatcher';
import { NotificationPreferences } from './notification-preferences';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/** nodemailer, required when an instance first sends mail (onFirstUse): only the worker's, with SMTP_URL set. */
const nodemailer = onFirstUse(() => require('nodemailer') as typeof Nodemailer);

/** The pg-boss queue of notification e-mails: one job per notification. */
export const MAIL_QUEUE = 'notification-mail';

interface MailJob {
  notificationId: string;
}

/**
 * E-mail of notifications through pg-boss (PostgreSQL-backed: jobs survive restarts, and its
 * fetch (SKIP LOCKED) gives each job to one worker among all API instances). The job is written in
 * the dispatch's transaction, beside the notification, so nothing committed is lost and nothing
 * rolled back is sent. A delivery that fails is retried with a growing delay; after the last retry
 * the notification's mail is `failed`, listed for admins, who may queue it again.
 *
 * Delivery is at least once: a crash after the SMTP server took a message but before its job is
 * marked done sends it again when the job expires (15 minutes). Each job first checks that its
 * notification is not marked sent, so a job run twice after a success sends nothing.
 */
@Injectable()
export class NotificationMail {
  private boss: PgBoss | null = null;
  private transport: Nodemailer.Transporter | null = null;
  private readonly logger = new Logger('NotificationMail');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly preferences: NotificationPreferences,
    private readonly unsubscribeTokens: UnsubscribeTokens,
  ) {}

  /** Whether mail goes anywhere: without SMTP_URL it stays queued. */
  get smtpConfigured(): boolean {
    return this.config.mail.smtpUrl !== null;
  }

  /**
   * Starts pg-boss on the database (its schema `pgboss`, created on first start) and, with the worker
   * on and SMTP configured, works the queue. Without the worker jobs are only queued here.
   */
  async start(): Promise<void> {
    const worker = this.config.notifications.worker;
    const boss = new PgBoss({ connectionString: this.config.databaseUrl, max: 2, supervise: worker, schedule: worker, application_name: 'bt-notifications' });
    boss.on('error', (error: Error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    this.boss = boss;
    // Created once per database, its retries as configured now (a queue keeps the options it was created with).
    const queue = { name: MAIL_QUEUE, retryLimit: this.config.mail.retryLimit, retryDelay: this.config.mail.retryDelaySeconds, retryBackoff: true };
    if (await boss.getQueue(MAIL_QUEUE)) await boss.updateQueue(MAIL_QUEUE, queue);
    else await boss.createQueue(MAIL_QUEUE, queue);
    if (worker && this.config.mail.smtpUrl) {
      this.transport = nodemailer().createTransport(this.config.mail.smtpUrl);
      const pollingIntervalSeconds = Math.max(0.5, this.config.notifications.pollMs / 1000);
      await boss.work<MailJob>(MAIL_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds }, async ([job]) => this.deliver(job));
    } else if (worker && this.config.production) {
      this.logger.warn('SMTP_URL is not set: notification e-mails stay queued until it is (admins see this on the Mail page)');
    }
  }

  /**
   * A job of this worker on a schedule (cron, the server's time zone), run once per slot across all
   * instances (pg-boss' scheduling is itself a job, fetched by one). Only with the worker on.
   */
  async schedule(name: string, cron: string, work: () => Promise<unknown>): Promise<void> {
    const boss = this.boss;
    if (!boss || !this.config.notifications.worker) return;
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, retryLimit: 2, retryDelay: 60 });
    await boss.schedule(name, cron, {}, { tz: Intl.DateTimeFormat().resolvedOptions().timeZone });
    await boss.work(name, async () => {
      await work();
    });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    // Waits for a delivery under way, then closes pg-boss' own connections.
    await boss?.stop({ graceful: true, wait: true, close: true, timeout: 10_000 });
    this.transport?.close();
  }

  /**
   * Queues the e-mail of each new notification, in the dispatch's transaction (pg-boss writes the job
   * through it), as its person chose for its kind: `immediate` now; `digest` kept for the day's digest
   * (mail status `digest`); `in_app` not e-mailed (mail status stays `none`).
   */
  async queue(em: EntityManager, dispatched: Dispatched[]): Promise<void> {
    if (!dispatched.length) return;
    const boss = this.boss;
    if (!boss) throw new Error('notification mail is not started');
    const deliveries = await this.preferences.deliveries(
      em,
      dispatched.map((d) => d.id),
    );
    const of = (delivery: string) => dispatched.filter((d) => deliveries.get(d.id) === delivery).map((d) => d.id);
    const digest = of('digest');
    if (digest.length) await em.query(`UPDATE notification SET mail_status = 'digest' WHERE id = ANY($1::bigint[])`, [digest]);
    const ids = of('immediate');
    if (!ids.length) return;
    await em.query(`UPDATE notification SET mail_status = 'queued' WHERE id = ANY($1::bigint[])`, [ids]);
    // One statement for the dispatch's jobs (pg-boss' insert; the queue's retry options apply as with send):
    // a send per notification was a round trip, and a statement PostgreSQL planned, each.
    await boss.insert(
      ids.map((id) => ({ name: MAIL_QUEUE, data: { notificationId: id } satisfies MailJob })),
      { db: transactionDb(em) },
    );
  }

  /** Queues a failed e-mail again (an admin's retry), in the caller's transaction. */
  async requeue(em: EntityManager, notificationId: string): Promise<void> {
    const boss = this.boss;
    if (!boss) throw new Error('notification mail is not started');
    await em.query(`UPDATE notification SET mail_status = 'queued', mail_attempts = 0, mail_error = NULL WHERE id = $1`, [notificationId]);
    await boss.send(MAIL_QUEUE, { notificationId } satisfies MailJob, { db: transactionDb(em) });
  }

  /** Whether this instance delivers e-mail (the worker on and SMTP configured). */
  get delivering(): boolean {
    return this.transport !== null;
  }

  /** Sends one composed e-mail now (the digest's); throws when the SMTP server refuses it. */
  async send(to: string, message: { subject: string; text: string; html: string }): Promise<void> {
    if (!this.transport) throw new Error('notification mail is not delivered by this instance');
    await this.transport.sendMail({ from: this.config.mail.from, to, subject: message.subject, text: message.text, html: message.html });
  }

  /** One job: sends the notification's e-mail, unless it was sent already or its person can no longer be reached. */
  private async deliver(job: PgBoss.JobWithMetadata<MailJob>): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT n.id, n.user_id, n.kind, n.facts, n.detail, n.link, n.mail_status, u.email, u.display_name, u.language, u.disabled_at
         FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.id = $1`,
      [job.data.notificationId],
    );
    if (!row || row.mail_status === 'sent') return;
    if (row.disabled_at) {
      await this.dataSource.query(`UPDATE notification SET mail_status = 'none', mail_error = 'account disabled' WHERE id = $1`, [row.id]);
      return;
    }
    const notification: MailNotification = { kind: row.kind, facts: row.facts, detail: row.detail, link: row.link };
    // One click stops this kind's e-mail (RFC 8058: the mail client may POST to the same address).
    const unsubscribe = `${this.config.mail.publicUrl}/api/notifications/unsubscribe?token=${await this.unsubscribeTokens.tokenFor(row.user_id, row.kind)}`;
    const message = composeMail(notification, { name: row.display_name, language: row.language }, this.config.mail.publicUrl, unsubscribe);
    try {
      await this.transport?.sendMail({
        from: this.config.mail.from,
        to: row.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
    } catch (error) {
      const last = job.retryCount >= job.retryLimit;
      const reason = error instanceof Error ? error.message : String(error);
      await this.dataSource.query(
        `UPDATE notification SET mail_attempts = mail_attempts + 1, mail_error = $2, mail_status = CASE WHEN $3 THEN 'failed' ELSE mail_status END WHERE id = $1`,
        [row.id, reason.slice(0, 500), last],
      );
      // pg-boss retries it later (retryBackoff), or keeps it failed after the last retry.
      throw error;
    }
    await this.dataSource.query(
      `UPDATE notification SET mail_status = 'sent', mailed_at = now(), mail_attempts = mail_attempts + 1, mail_error = NULL WHERE id = $1`,
      [row.id],
    );
  }
}

/** pg-boss' statements sent through the transaction's own connection, so its job commits or rolls back with it. */
function transactionDb(em: EntityManager): PgBoss.Db {
  const connection = (em.queryRunner as unknown as { databaseConnection: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } } | undefined)
    ?.databaseConnection;
  if (!connection) throw new Error('notification mail is queued inside a transaction');
  return { executeSql: (text, values) => connection.query(text, values) as Promise<{ rows: any[] }> };
}
