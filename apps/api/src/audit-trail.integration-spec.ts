import { DataSource } from 'typeorm';
import { verifyAuditChain } from '@bt/api/audit';
import { startTestApi, type TestApi } from './testing/test-api';

describe('the audit trail cannot be quietly changed', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    for (const who of ['admin', 'cso', 'expert']) await api.client({ ip: `10.3.0.${who.length}` }).signIn(`${who}@demo.test`);
    await api.client().signIn('admin@demo.test', 'wrong-password');
  });
  afterAll(() => api?.close());

  it('chains every event to the one before it', async () => {
    const report = await verifyAuditChain(api.app.get(DataSource));
    // The demo seeds' events, the sign-ins and the failed sign-in.
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM audit_event`);
    expect(n).toBeGreaterThanOrEqual(5);
    expect(report).toEqual({ checked: n, firstBroken: null });
  });

  it('names the first event in which a superuser changed one byte', async () => {
    // The first sign-in's event (it has an address to alter), after the demo seeds' events.
    const events = await api.sql(`SELECT id, actor_ip FROM audit_event ORDER BY id`);
    const position = events.findIndex((e) => e.actor_ip !== null);
    const third = events[position];
    // Only a superuser can get past the append-only trigger, by switching triggers off.
    await api.sql(`BEGIN; SET LOCAL session_replication_role = replica;
      UPDATE audit_event SET actor_ip = overlay(actor_ip placing '9' from 1 for 1) WHERE id = ${third.id}; COMMIT;`);
    const report = await verifyAuditChain(api.app.get(DataSource));
    expect(report.firstBroken).toMatchObject({ id: String(third.id), reason: expect.stringContaining('altered') });
    expect(report.checked).toBe(position);
  });

  it('notices a deleted event too', async () => {
    const [fourth] = await api.sql(`SELECT id FROM audit_event ORDER BY id OFFSET 3 LIMIT 1`);
    await api.sql(`BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM audit_event WHERE id <= ${fourth.id}; COMMIT;`);
    const report = await verifyAuditChain(api.app.get(DataSource));
    expect(report.firstBroken?.reason).toContain('removed or reordered');
  });
});
