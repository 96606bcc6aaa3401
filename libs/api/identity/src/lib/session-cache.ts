import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import type { Viewer } from './viewer';

/** What changed, so that the sessions it touches are read from the database again. */
export type SessionChange = { session: string } | { user: string } | { everyone: true };

type CachedViewer = Viewer & { expiresAt: Date };

interface Entry {
  viewer: CachedViewer;
  /** When it was read from the database, and when the session was last seen there. */
  readAt: number;
  lastSeenAt: number;
}

const CHANNEL = 'bt_sessions';
/** Where a transaction keeps the changes to apply here once it has committed (QueryRunner.data). */
const PENDING = 'bt:sessionChanges';

/**
 * Who is behind a session, remembered for a few seconds (SESSION_CACHE_SECONDS, default 5) so that
 * most requests need no query to know it. Anything that changes who a session's user is — signing
 * out, a role, a disabled account, an organisation, the identity settings — calls `forget` in its
 * transaction: here the entries go once it commits, and every other API instance hears of it through
 * PostgreSQL's NOTIFY, which is delivered at commit too. Without its LISTEN connection an instance
 * caches nothing, so a missed notification can never keep a session alive.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Sessions');
  private readonly entries = new Map<string, Entry>();
  /** Counts changes: a read begun before a change is not stored after it. */
  private changes = 0;
  private listener: Client | null = null;
  private listening = false;
  private stopped = false;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get enabled(): boolean {
    return this.config.sessions.cacheSeconds > 0;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const pending = event.queryRunner.data?.[PENDING] as SessionChange[] | undefined;
        if (pending) {
          delete event.queryRunner.data[PENDING];
          pending.forEach((change) => this.apply(change));
        }
      },
      afterTransactionRollback: (event) => {
        if (event.queryRunner.data) delete event.queryRunner.data[PENDING];
      },
    };
    this.dataSource.subscribers.push(subscriber);
    // Sessions that ended by idling or expiry are never asked for again: swept once a minute.
    this.sweeper = setInterval(() => {
      const now = Date.now();
      for (const [hash, entry] of this.entries) if (now - entry.readAt > this.config.sessions.cacheSeconds * 1000) this.entries.delete(hash);
    }, 60_000);
    this.sweeper.unref();
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.listening = false;
    await this.listener?.end().catch(() => undefined);
  }

  /** The remembered viewer of a session, if it is fresh and still within its idle and absolute limits. */
  get(tokenHash: string): CachedViewer | null {
    if (!this.listening) return null;
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    const now = Date.now();
    const idleMs = this.config.sessions.idleMinutes * 60_000;
    if (now - entry.readAt > this.config.sessions.cacheSeconds * 1000 || now - entry.lastSeenAt > idleMs || entry.viewer.expiresAt.getTime() <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.viewer;
  }

  /** Call before reading a session from the database; hand the answer to `remember`. */
  readBegins(): number {
    return this.changes;
  }

  remember(tokenHash: string, viewer: CachedViewer, lastSeenAt: Date, readBegan: number): void {
    // A change during the read may have made it stale: the next request reads again.
    if (!this.listening || readBegan !== this.changes) return;
    this.entries.set(tokenHash, { viewer, readAt: Date.now(), lastSeenAt: lastSeenAt.getTime() });
  }

  /**
   * Forgets the sessions a change touches: in this instance once the transaction of `em` commits
   * (at once without one), in every other through NOTIFY (delivered at commit).
   */
  async forget(em: EntityManager, change: SessionChange): Promise<void> {
    if (!this.enabled) return;
    await em.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(change)]);
    const runner = em.queryRunner;
    if (runner?.isTransactionActive) {
      runner.data ??= {};
      (runner.data[PENDING] ??= []).push(change);
    } else {
      this.apply(change);
    }
  }

  private apply(change: SessionChange): void {
    this.changes++;
    if ('everyone' in change) this.entries.clear();
    else if ('session' in change) this.entries.delete(change.session);
    else for (const [hash, entry] of this.entries) if (entry.viewer.userId === change.user) this.entries.delete(hash);
  }

  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.config.databaseUrl });
    const lost = (error?: Error) => {
      if (this.listener !== listener) return;
      this.listening = false;
      this.entries.clear();
      // A read begun before the loss is not kept after the reconnection: its change may have been missed.
      this.changes++;
      this.listener = null;
      if (this.stopped) return;
      this.logger.warn(`session cache off until PostgreSQL notifications reconnect${error ? `: ${error.message}` : ''}`);
      setTimeout(() => void this.listen(), 5_000).unref();
    };
    listener.on('error', lost);
    listener.on('end', () => lost());
    listener.on('notification', (message) => {
      try {
        this.apply(JSON.parse(message.payload ?? '') as SessionChange);
      } catch {
        this.apply({ everyone: true });
      }
    });
    this.listener = listener;
    try {
      await listener.connect();
      await listener.query(`LISTEN ${CHANNEL}`);
      this.listening = true;
    } catch (error) {
      lost(error as Error);
    }
  }
}
