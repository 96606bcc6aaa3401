import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError } from './app-config';

/** How often the database is asked whether it is there. */
const PING_INTERVAL_MS = 5_000;
const PING_TIMEOUT_MS = 2_000;

/** Whether the database answers `SELECT 1` within PING_TIMEOUT_MS (a pool waiting for a connection counts as not answering). */
export async function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  let timeout: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
  try {
    return await Promise.race([
      dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timeout);
  }
}

/** DATABASE_LOST_SECONDS (default 30): how long the database may not answer before the API gives up. */
export function readDatabaseLostSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['DATABASE_LOST_SECONDS'];
  const seconds = raw === undefined || raw === '' ? 30 : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new ConfigError(`DATABASE_LOST_SECONDS must be a positive number, got "${raw}"`);
  return seconds;
}

/**
 * Whether the database answers, for readiness, and what to do when it is gone for good: an API that
 * answers 503 forever helps nobody, while one that exits non-zero is restarted by its supervisor
 * (systemd, Docker, Kubernetes, `npm start`'s script) and finds the database again. main.ts starts
 * it; the tests' apps are never told to exit.
 */
export class DatabaseWatch {
  private readonly logger = new Logger('DatabaseWatch');
  private timer: NodeJS.Timeout | null = null;
  private failingSince: number | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** Pings every 5 s; calls `lost` once when no ping has succeeded for `lostSeconds`. */
  start(lostSeconds: number, lost: () => void): void {
    this.timer = setInterval(() => {
      void databaseAnswers(this.dataSource).then((ok) => {
        if (ok) {
          if (this.failingSince !== null) this.logger.log('the database answers again');
          this.failingSince = null;
          return;
        }
        const now = Date.now();
        this.failingSince ??= now;
        const seconds = (now - this.failingSince) / 1000;
        this.logger.warn(`the database has not answered for ${Math.round(seconds)} s`);
        if (seconds >= lostSeconds && this.timer) {
          clearInterval(this.timer);
          this.timer = null;
          this.logger.error(`the database has not answered for ${lostSeconds} s: giving up, so that a supervisor restarts the API`);
          lost();
        }
      });
    }, PING_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
