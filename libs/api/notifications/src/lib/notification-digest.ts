import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import { composeDigest, type MailNotification } from './compose-mail';
import { NotificationMail } from './notification-mail';

/**
 * The daily digest: a scheduled job of the notification worker (pg-boss cron, one instance per slot)
 * gathers each person's notifications kept for the digest (mail status `digest`: the kinds they chose
 * to get so) into ONE e-mail. Per person, one transaction: the waiting rows are locked (FOR UPDATE
 * SKIP LOCKED: a second run meanwhile skips them), the e-mail is sent, the rows are marked sent, then
 * it commits — a notification is in one digest only. An SMTP server that refuses rolls it back, and the
 * notifications wait for the next digest.
 */
@Injectable()
export class NotificationDigest {
  private readonly logger = new Logger('NotificationDigest');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: NotificationMail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sends every waiting digest; answers how many e-mails went out. */
  async send(): Promise<number> {
    // Without SMTP (or the worker) they keep waiting, as queued e-mail does.
    if (!this.mail.delivering) return 0;
    const people: { user_id: string }[] = await this.dataSource.query(`SELECT DISTINCT user_id FROM notification WHERE mail_status = 'digest'`);
    let sent = 0;
    for (const { user_id: userId } of people) {
      try {
        if (await this.sendTo(userId)) sent++;
      } catch (error) {
        this.logger.error(`digest for user ${userId} not sent, kept for the next one: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sent;
  }

  private async sendTo(userId: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      const [person] = await em.query(`SELECT email, display_name, language, disabled_at FROM app_user WHERE id = $1`, [userId]);
      const rows: { id: string; kind: MailNotification['kind']; facts: MailNotification['facts']; detail: string | null; link: string }[] = await em.query(
        `SELECT id::text, kind, facts, detail, link FROM notification WHERE user_id = $1 AND mail_status = 'digest' ORDER BY id FOR UPDATE SKIP LOCKED`,
        [userId],
      );
      if (!rows.length) return false;
      const ids = rows.map((r) => r.id);
      if (!person || person.disabled_at) {
        await em.query(`UPDATE notification SET mail_status = 'none', mail_error = 'account disabled' WHERE id = ANY($1::bigint[])`, [ids]);
        return false;
      }
      const message = composeDigest(rows, { name: person.display_name, language: person.language }, this.config.mail.publicUrl);
      await this.mail.send(person.email, message);
      await em.query(
        `UPDATE notification SET mail_status = 'sent', mailed_at = now(), mail_attempts = mail_attempts + 1, mail_error = NULL WHERE id = ANY($1::bigint[])`,
        [ids],
      );
      return true;
    });
  }
}
