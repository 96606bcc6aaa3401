import { Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { APP_CONFIG, type AppConfig, Public, refuse } from '@bt/api/core';
import { isLanguage, type Language } from '@bt/i18n';
import { ClientAddress } from '@bt/api/identity';
import { escapeHtml, pageUrl } from './compose-mail';
import { mailTexts } from './mail-texts';
import { NotificationPreferences } from './notification-preferences';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/**
 * One-click unsubscribe from one kind of notification e-mail, without signing in: the link in every
 * notification e-mail's footer (GET, answers a short page in the person's language) and RFC 8058's
 * POST from the mail client (`List-Unsubscribe-Post`). The signed token names the person and kind;
 * that kind becomes `in_app` (still in the inbox), audited as the person's own change.
 */
@ApiTags('notifications')
@Controller('notifications/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: UnsubscribeTokens,
    private readonly preferences: NotificationPreferences,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public({ endedSessionWelcome: true })
  @ApiQuery({ name: 'token', description: 'The signed token of the e-mail’s link.' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'E-mail of that kind stopped; a short page in the person’s language.' })
  @ApiBadRequestResponse({ description: 'A token this server did not sign, or altered (notification.unsubscribe-token-invalid).' })
  async page(@Query('token') token: unknown, @ClientAddress() ip: string, @Res() reply: FastifyReply): Promise<void> {
    const { language, kind } = await this.unsubscribe(token, ip);
    const t = mailTexts(language);
    const account = pageUrl(this.config.mail.publicUrl, '/account', language);
    await reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        `<!DOCTYPE html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t('unsubscribed.title'))}</title></head>
<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #1b1b1f; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;">
<h1>${escapeHtml(t('unsubscribed.title'))}</h1>
<p>${escapeHtml(t('unsubscribed.body', { kind: t(`kind.${kind}`) }))}</p>
<p><a href="${escapeHtml(account)}">${escapeHtml(t('unsubscribed.open'))}</a></p>
</body></html>
`,
      );
  }

  /** RFC 8058: the mail client's one-click POST (`List-Unsubscribe=One-Click`), with the token in the address. */
  @Post()
  @HttpCode(204)
  @Public({ endedSessionWelcome: true, ownProof: true })
  @ApiQuery({ name: 'token', description: 'The signed token of the e-mail’s List-Unsubscribe header.' })
  @ApiOkResponse({ description: 'E-mail of that kind stopped (204).' })
  @ApiBadRequestResponse({ description: 'A token this server did not sign, or altered (notification.unsubscribe-token-invalid).' })
  async oneClick(@Query('token') token: unknown, @ClientAddress() ip: string): Promise<void> {
    await this.unsubscribe(token, ip);
  }

  /** Sets the token's kind to in_app for its person (audited when it changes); answers their language and the kind. */
  private async unsubscribe(token: unknown, ip: string) {
    const signed = await this.tokens.verify(token);
    if (!signed) throw refuse.badRequest('notification.unsubscribe-token-invalid');
    return this.dataSource.transaction(async (em) => {
      const [person] = await em.query(`SELECT email, language FROM app_user WHERE id = $1`, [signed.userId]);
      if (!person) throw refuse.badRequest('notification.unsubscribe-token-invalid');
      const [before] = await em.query(`SELECT delivery FROM notification_preference WHERE user_id = $1 AND kind = $2`, [signed.userId, signed.kind]);
      await this.preferences.set(em, signed.userId, [{ kind: signed.kind, delivery: 'in_app' }]);
      if (before?.delivery !== 'in_app') {
        await this.audit.record(
          em,
          { id: signed.userId, label: person.email, ip },
          {
            action: 'user.notification_unsubscribed',
            entityType: 'user',
            entityId: signed.userId,
            data: { kind: signed.kind, from: before?.delivery ?? 'default' },
          },
        );
      }
      const language: Language = isLanguage(person.language) ? person.language : 'en';
      return { language, kind: signed.kind };
    });
  }
}
