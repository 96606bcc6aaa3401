import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import { LIVE_ITEM_TYPES, type LiveChangeDto } from '@bt/contracts';
import { Client, type Notification } from 'pg';
import { Observable, Subject } from 'rxjs';

/** The channel the audit trail announces changes on (migration 1795635000000-live-changes). */
export const LIVE_CHANNEL = 'bt_live';

/** What a stream passes on: a change, "you may have missed changes, load again", or "from now on you hear every change". */
export type LiveSignal = { kind: 'change'; change: LiveChangeDto } | { kind: 'resync' } | { kind: 'hearing' };

/** How long to wait before listening again after the connection was lost, at most. */
const MOST_RETRY_MS = 10_000;

/**
 * This API instance's ear on the database: one connection, which LISTENs on the live channel while
 * at least one stream is open here. PostgreSQL then tells this instance of every committed change,
 * whichever instance made it; with no stream open it tells it of none (each change heard costs an
 * instance about 0.1 ms of CPU and its database connection a message). A lost connection is opened
 * again, and the streams are told to resync.
 */
@Injectable()
export class LiveChanges implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('LiveChanges');
  private readonly signals = new Subject<LiveSignal>();
  private readonly closing = new Subject<void>();
  /** Emits once as the API shuts down: every stream ends then. */
  readonly closing$ = this.closing.asObservable();
  private client: Client | undefined;
  /** The open streams: LISTEN while there is one. */
  private watchers = 0;
  /** LISTEN sent on `client`, done when it is in effect. */
  private listening: Promise<void> | undefined;
  private stopped = false;
  private retries = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Connects at start, so that an unreachable database stops the start rather than the first stream. */
  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  /**
   * The signals for one stream, for as long as it stays subscribed. The first is `hearing`, once this
   * instance listens: a change committed after it reaches the stream. The first stream makes the
   * instance LISTEN; when the last one goes it UNLISTENs.
   */
  watch(): Observable<LiveSignal> {
    return new Observable<LiveSignal>((subscriber) => {
      const subscription = this.signals.subscribe(subscriber);
      if (this.watchers++ === 0) this.listen();
      // Without a connection (lost, being opened again) the stream is told to resync once it is back.
      void (this.listening ?? Promise.resolve()).then(() => subscriber.next({ kind: 'hearing' }));
      return () => {
        subscription.unsubscribe();
        if (--this.watchers === 0) this.unlisten();
      };
    });
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

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'benchmark-tracker live' });
    client.on('notification', (notification) => this.announce(notification));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    await client.connect();
    this.client = client;
    if (this.watchers > 0) this.listen();
    await this.listening;
  }

  /** LISTEN on the connection there is (pg sends a connection's statements in order, so it follows any UNLISTEN). */
  private listen(): void {
    const client = this.client;
    if (!client || this.stopped) return;
    // A failure is the connection's: `lost` connects again, listens and tells the streams to resync.
    this.listening = client.query(`LISTEN ${LIVE_CHANNEL}`).then(
      () => undefined,
      () => undefined,
    );
  }

  private unlisten(): void {
    this.listening = undefined;
    this.client?.query(`UNLISTEN ${LIVE_CHANNEL}`).catch(() => undefined);
  }

  private announce(notification: Notification): void {
    const change = parseChange(notification.payload);
    if (change) this.signals.next({ kind: 'change', change });
  }

  private lost(client: Client, error?: Error): void {
    if (this.stopped || client !== this.client) return;
    this.client = undefined;
    this.listening = undefined;
    this.logger.warn(`live changes: connection lost${error ? ` (${error.message})` : ''}; connecting again`);
    client.end().catch(() => undefined);
    this.again();
  }

  private again(): void {
    const wait = Math.min(MOST_RETRY_MS, 250 * 2 ** this.retries++);
    setTimeout(() => {
      if (this.stopped) return;
      this.connect().then(
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
