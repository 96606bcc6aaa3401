import { InboxRegistry } from '@bt/api/inbox';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

/** The inbox composes what every domain registers; read marks are the user's own and audited. */
describe('the inbox', () => {
  let api: TestApi;
  let ministry: ApiClient;
  let cso: ApiClient;

  beforeAll(async () => {
    api = await startTestApi();
    // A source of this test's own, registered like a domain does: one item for ministries, dated, one due soon.
    api.app.get(InboxRegistry).register({
      items: async (viewer, now) =>
        viewer.roles.has('ministry')
          ? [
              { key: 'test:old', kind: 'mission.starting', facts: { mission: 'Older' }, title: 'Older', link: '/benchmarks', at: '2026-01-01T00:00:00.000Z' },
              {
                key: 'test:new',
                kind: 'recommendation.due',
                facts: { recommendation: 'Due soon' },
                title: 'Due soon',
                link: '/benchmarks',
                at: now.toISOString(),
                dueAt: new Date(now.getTime() + 86_400_000).toISOString(),
              },
            ]
          : [],
    });
    ministry = api.client();
    cso = api.client();
    await ministry.signIn('ministry@demo.test');
    await cso.signIn('cso@demo.test');
  });
  afterAll(() => api?.close());

  it('shows each user what concerns them, unread first and newest first', async () => {
    const answer = await ministry.get('/api/inbox');
    expect(answer.status).toBe(200);
    expect(answer.body.unread).toBe(2);
    expect(answer.body.items.map((i: { key: string }) => i.key).filter((k: string) => k.startsWith('test:'))).toEqual(['test:new', 'test:old']);
    expect((await cso.get('/api/inbox')).body.items.some((i: { key: string }) => i.key.startsWith('test:'))).toBe(false);
  });

  it('marks items read for that user only, with an audit event', async () => {
    const audits = Number((await api.sql(`SELECT count(*) FROM audit_event WHERE action = 'inbox.read'`))[0].count);
    expect((await ministry.post('/api/inbox/read', { keys: ['test:new'] })).status).toBe(204);
    const after = await ministry.get('/api/inbox');
    const test = after.body.items.filter((i: { key: string }) => i.key.startsWith('test:'));
    expect(test.map((i: { key: string; unread: boolean }) => [i.key, i.unread])).toEqual([
      ['test:old', true],
      ['test:new', false],
    ]);
    expect(Number((await api.sql(`SELECT count(*) FROM audit_event WHERE action = 'inbox.read'`))[0].count)).toBe(audits + 1);
    // Marking again changes nothing but is not an error.
    expect((await ministry.post('/api/inbox/read', { keys: ['test:new'] })).status).toBe(204);
  });

  it('refuses a malformed request and anonymous callers', async () => {
    expect((await ministry.post('/api/inbox/read', { keys: [] })).status).toBe(400);
    expect((await ministry.post('/api/inbox/read', { keys: 'test:new' })).status).toBe(400);
    expect((await api.client().get('/api/inbox')).status).toBe(401);
  });
});
