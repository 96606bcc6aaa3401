import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-caller counts of costly requests (rate-limits.ts) in the database every instance shares, so
 * that N instances behind a load balancer allow a caller the limit once, not N times. One row per
 * caller, route and minute window. UNLOGGED: a count is worth nothing after a crash (PostgreSQL
 * empties the table then), and writing it to the WAL would cost every costly request a flush.
 */
export class RequestCounts1795670000000 implements MigrationInterface {
  name = 'RequestCounts1795670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNLOGGED TABLE request_count (
      key text PRIMARY KEY,
      count integer NOT NULL,
      window_ends_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX request_count_window_ends_at ON request_count (window_ends_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_count`);
  }
}
