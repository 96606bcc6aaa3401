import type { Viewer } from '@bt/api/identity';
import { type InboxEntry, InboxRegistry } from './inbox-registry';

const viewer = { userId: 'u', roles: new Set(['ministry']) } as unknown as Viewer;
const entry = (key: string): InboxEntry => ({ key, kind: 'mission.starting', facts: { mission: key }, title: key, link: '/', at: '2026-11-01T00:00:00.000Z' });

describe('the inbox registry', () => {
  it('asks every registered source, with the viewer and the time', async () => {
    const registry = new InboxRegistry();
    const asked: unknown[] = [];
    registry.register({ items: async (v, now) => (asked.push([v, now]), [entry('a'), entry('b')]) });
    registry.register({ items: async () => [entry('c')] });
    const now = new Date('2026-11-23T10:00:00Z');
    expect((await registry.entries(viewer, now)).map((e) => e.key)).toEqual(['a', 'b', 'c']);
    expect(asked).toEqual([[viewer, now]]);
  });

  it('is empty with no sources', async () => {
    expect(await new InboxRegistry().entries(viewer, new Date())).toEqual([]);
  });
});
