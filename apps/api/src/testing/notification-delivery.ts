import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplication } from '@nestjs/common';
import { NotificationDispatcher } from '@bt/api/notifications';

type Sql = (text: string) => Promise<Record<string, unknown>[]>;

/** Waits until every queued e-mail job is done (sent, or failed for good) — a condition, not a time. */
export async function mailSettled(sql: Sql): Promise<void> {
  for (;;) {
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification-mail' AND state IN ('created', 'retry', 'active')`);
    if (n === 0) return;
    await sleep(100);
  }
}

/**
 * Dispatches now (the worker would within a second) until every audit event so far is dispatched:
 * while the worker holds the cursor this instance's own dispatch skips, so one call is not enough.
 */
export async function dispatched(app: INestApplication, sql: Sql): Promise<void> {
  const [{ last }] = await sql(`SELECT coalesce(max(id), 0)::text AS last FROM audit_event`);
  for (;;) {
    await app.get(NotificationDispatcher).dispatchAll();
    const [{ at }] = await sql(`SELECT coalesce(last_event_id, 0)::text AS at FROM notification_dispatch WHERE id = 1`);
    if (BigInt(at as string) >= BigInt(last as string)) return;
    await sleep(50);
  }
}

/** Every change so far dispatched and every e-mail of it done. */
export async function delivered(app: INestApplication, sql: Sql): Promise<void> {
  await dispatched(app, sql);
  await mailSettled(sql);
}
