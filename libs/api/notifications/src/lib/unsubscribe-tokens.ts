import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import { NOTIFICATION_KINDS, type NotificationKind } from '@bt/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The one-click unsubscribe link's token: the person and the kind, readable, and an HMAC-SHA256 of
 * them under a server secret (NOTIFICATION_SECRET, or the one generated in the database at its first
 * migration), so it cannot be guessed or altered: `<base64url of "userId:kind">.<base64url MAC>`.
 * It does not expire: an old e-mail's link keeps working, and only ever turns e-mail of one kind off.
 */
@Injectable()
export class UnsubscribeTokens {
  private secret: string | null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secret = config.notifications.secret;
  }

  async tokenFor(userId: string, kind: NotificationKind): Promise<string> {
    const payload = Buffer.from(`${userId}:${kind}`).toString('base64url');
    return `${payload}.${await this.mac(payload)}`;
  }

  /** The person and kind of a token this server signed; null for anything else. */
  async verify(token: unknown): Promise<{ userId: string; kind: NotificationKind } | null> {
    if (typeof token !== 'string' || token.length > 200) return null;
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length) return null;
    const expected = Buffer.from(await this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [userId, kind] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
    if (!UUID.test(userId ?? '') || !(NOTIFICATION_KINDS as readonly string[]).includes(kind ?? '')) return null;
    return { userId, kind: kind as NotificationKind };
  }

  private async mac(payload: string): Promise<string> {
    this.secret ??=
      ((await this.dataSource.query(`SELECT unsubscribe_secret FROM notification_dispatch WHERE id = 1`))[0]?.unsubscribe_secret as string | undefined) ?? null;
    if (!this.secret) throw new Error('no unsubscribe secret: set NOTIFICATION_SECRET');
    return createHmac('sha256', this.secret).update(`unsubscribe:${payload}`).digest('base64url');
  }
}
