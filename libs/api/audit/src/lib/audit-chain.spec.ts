import { canonicalJson, chainHash, GENESIS_HASH } from './audit-chain';

const event = {
  occurredAt: new Date('2026-11-23T10:00:00.123Z'),
  actorId: null,
  actorLabel: 'admin@demo.test',
  actorIp: '127.0.0.1',
  action: 'user.disabled',
  entityType: 'user',
  entityId: 'u1',
  data: { before: { disabled: false }, after: { disabled: true } },
};

describe('the audit chain', () => {
  it('writes JSON the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
  });

  it('changes the hash when one character of an event changes', () => {
    const original = chainHash(GENESIS_HASH, event);
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...event, actorLabel: 'admin@demo.tesT' })).not.toBe(original);
    expect(chainHash(GENESIS_HASH, { ...event, data: { ...event.data, note: 'x' } })).not.toBe(original);
  });

  it('depends on the previous hash, so events cannot be reordered or dropped unseen', () => {
    expect(chainHash('f'.repeat(64), event)).not.toBe(chainHash(GENESIS_HASH, event));
  });
});
