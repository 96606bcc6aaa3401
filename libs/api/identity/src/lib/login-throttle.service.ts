import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

/** Password guessing is slowed down per account and per address: 5 failures in 15 minutes, then wait. */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds to wait before the next attempt for this e-mail or address, or 0. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT extract(epoch FROM greatest(
         (SELECT occurred_at FROM login_failure WHERE email = $1 AND occurred_at > now() - make_interval(mins => $3) ORDER BY occurred_at DESC OFFSET $4 LIMIT 1),
         (SELECT occurred_at FROM login_failure WHERE ip = $2 AND occurred_at > now() - make_interval(mins => $3) ORDER BY occurred_at DESC OFFSET $4 LIMIT 1)
       ) + make_interval(mins => $3) - now())::float8 AS wait`,
      [email, ip, WINDOW_MINUTES, MAX_FAILURES - 1],
    );
    const wait = row?.wait as number | null;
    return wait && wait > 0 ? Math.ceil(wait) : 0;
  }

  async recordFailure(em: EntityManager, email: string, ip: string): Promise<void> {
    await em.query('INSERT INTO login_failure (email, ip, occurred_at) VALUES ($1, $2, now())', [email, ip]);
  }

  async clear(em: EntityManager, email: string): Promise<void> {
    await em.query('DELETE FROM login_failure WHERE email = $1', [email]);
  }
}
