import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import type { FailedMailDto, MailStatusDto } from '@bt/contracts';
import { Actor, auditActor, Roles } from '@bt/api/identity';
import { NotificationMail } from './notification-mail';

interface FailedMailRow {
  id: string;
  email: string;
  kind: FailedMailDto['kind'];
  title: string;
  mail_attempts: number;
  mail_error: string | null;
  created_at: Date;
}

/** Notification e-mail as the admins see it: whether SMTP is set, what waits, what failed; and a retry. */
@ApiTags('admin')
@Roles('admin')
@Controller('admin/mail')
export class MailAdminController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: NotificationMail,
    private readonly audit: AuditService,
  ) {}

  /** Whether e-mail can go out (SMTP_URL), how many wait, and the newest 100 that failed after every retry. */
  @Get()
  async status(): Promise<MailStatusDto> {
    const [counts] = await this.dataSource.query<{ queued: number }[]>(`SELECT count(*)::int AS queued FROM notification WHERE mail_status = 'queued'`);
    const failed = await this.dataSource.query<FailedMailRow[]>(
      `SELECT n.id::text, u.email, n.kind, n.title, n.mail_attempts, n.mail_error, n.created_at
         FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.mail_status = 'failed' ORDER BY n.id DESC LIMIT 100`,
    );
    return {
      smtpConfigured: this.mail.smtpConfigured,
      queued: counts.queued,
      failed: failed.map(
        (r): FailedMailDto => ({
          id: r.id,
          to: r.email,
          kind: r.kind,
          title: r.title,
          attempts: r.mail_attempts,
          error: r.mail_error,
          at: r.created_at.toISOString(),
        }),
      ),
    };
  }

  /** Queues a failed e-mail again (audited); it is then retried as a new one. */
  @Post(':id/retry')
  @HttpCode(204)
  @ApiNotFoundResponse({ description: 'No such notification.' })
  @ApiConflictResponse({ description: 'Its e-mail has not failed.' })
  async retry(@Param('id') id: string, @Actor() actor: Actor): Promise<void> {
    if (!/^[1-9]\d{0,17}$/.test(id)) throw refuse.notFound('notification.not-found', { id });
    await this.dataSource.transaction(async (em) => {
      const [row] = await em.query<{ mail_status: string }[]>(`SELECT id, mail_status FROM notification WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw refuse.notFound('notification.not-found', { id });
      if (row.mail_status !== 'failed') throw refuse.conflict('notification.mail-not-failed');
      await this.mail.requeue(em, id);
      await this.audit.record(em, auditActor(actor), { action: 'notification.mail_retried', entityType: 'notification', entityId: id });
    });
  }
}
