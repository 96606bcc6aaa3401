import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import { LIVE_ITEM_TYPES, type LiveChangeDto } from '@bt/contracts';
import { Client, type Notification } from 'pg';
import { Subject } from 'rxjs';

/** The channel the audit trail announces changes on (migration 1795635000000-live-changes). */
export const LIVE_CHANNEL = 'bt_live';

/** What the stream passes on: a change, or "you may have missed changes, load again". */
export type LiveSignal = { kind: 'change'; change: LiveChangeDto } | { kind: 'resync' };

/** How long to wait before listening again after the connection was lost, at most. */
const MOST_RETRY_MS = 10_000;

/**
 * This API instance's ear on the database: one connection that LISTENs on the live channel. Every
 * instance has its own, and PostgreSQL tells each of them of every committed change, whichever
 * instance made it. A lost connection is opened again, and the streams are told to resync.
 */
@Injectable()
export class LiveChanges implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('LiveChanges');
  private readonly signals = new Subject<LiveSignal>();
  /** Every signal from now on; completes when the API shuts down. */
  readonly signals$ = this.signals.asObservable();
  private readonly closing = new Subject<void>();
  /** Emits once as the API shuts down: every stream ends then. */
  readonly closing$ = this.closing.asObservable();
  private client: Client | undefined;
  private stopped = false;
  private retries = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  /** Ends the streams first, so that closing the HTTP server does not wait for them. */
  onModuleDestroy(): void {
    this.stopped = true;
    this.closing.next();
    this.closing.complete();
    this.signals.complete();
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (notification) => this.announce(notification));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.client = client;
  }

  private announce(notification: Notification): void {
    const change = parseChange(notification.payload);
    if (change) this.signals.next({ kind: 'change', change });
  }

  private lost(client: Client, error?: Error): void {
    if (this.stopped || client !== this.client) return;
    this.client = undefined;
    this.logger.warn(`live changes: connection lost${error ? ` (${error.message})` : ''}; listening again`);
    client.end().catch(() => undefined);
    this.again();
  }

  private again(): void {
    const wait = Math.min(MOST_RETRY_MS, 250 * 2 ** this.retries++);
    setTimeout(() => {
      if (this.stopped) return;
      this.listen().then(
        () => {
          this.retries = 0;
          // What happened while nobody listened is lost: every page loads again.
          this.signals.next({ kind: 'resync' });
        },
        () => this.again(),
      );
    }, wait).unref();
  }
}

/** A notification's payload as the triggers write it; anything else is ignored. */
export function parseChange(payload: string | undefined): LiveChangeDto | null {
  try {
    const { event, type, id, by } = JSON.parse(payload ?? '') as Record<string, unknown>;
    if (typeof id !== 'string' || !(LIVE_ITEM_TYPES as readonly unknown[]).includes(type)) return null;
    // An inbox signal may come of no audit event (a reminder): it still says "your inbox changed".
    if (typeof event !== 'string' && type !== 'inbox') return null;
    return { event: typeof event === 'string' ? event : '', type: type as LiveChangeDto['type'], id, by: typeof by === 'string' ? by : null };
  } catch {
    return null;
  }
}
