import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';

/** How often the expired sign-in leftovers are deleted. */
export const HOUSEKEEPING_INTERVAL_MS = 15 * 60 * 1000;
/**
 * How long a failed sign-in is kept: the throttle counts only its last 15 minutes (WINDOW_MINUTES), so a day
 * leaves more than enough for an admin to look at a lock.
 */
export const LOGIN_FAILURE_KEEP_HOURS = 24;

/**
 * Deletes what no rule reads any more: sessions past their end or idle too long (SessionService
 * never resolves them again), sign-ins waiting for a second factor past their end, and failed
 * sign-ins older than a day. Every start, then every 15 minutes, in each API process: a plain
 * `DELETE … WHERE expired` is idempotent and safe with several instances doing it at once (two
 * deletes of the same rows: one deletes them, the other finds none), so no lock or job queue is
 * needed. Not audited: nothing a person did changes.
 */
@Injectable()
export class SignInHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SignInHousekeeping');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => void this.deleteExpired().catch((error: unknown) => this.logger.warn(`could not delete expired sessions: ${String(error)}`));
    run();
    this.timer = setInterval(run, HOUSEKEEPING_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The deletes; how many rows of each went. */
  async deleteExpired(): Promise<{ sessions: number; pendingSignIns: number; loginFailures: number }> {
    const [, sessions] = await this.dataSource.query(
      'DELETE FROM user_session WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $1)',
      [this.config.sessions.idleMinutes],
    );
    const [, pendingSignIns] = await this.dataSource.query('DELETE FROM pending_sign_in WHERE expires_at <= now()');
    const [, loginFailures] = await this.dataSource.query('DELETE FROM login_failure WHERE occurred_at <= now() - make_interval(hours => $1)', [
      LOGIN_FAILURE_KEEP_HOURS,
    ]);
    return { sessions: Number(sessions), pendingSignIns: Number(pendingSignIns), loginFailures: Number(loginFailures) };
  }
}
