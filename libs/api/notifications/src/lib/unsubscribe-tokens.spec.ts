import type { AppConfig } from '@bt/api/core';
import type { DataSource } from 'typeorm';
import { UnsubscribeTokens } from './unsubscribe-tokens';

describe('an unsubscribe token', () => {
  const userId = '4d47b268-7022-45a3-87bc-fc1235097af4';
  /** With NOTIFICATION_SECRET set, the database is never asked. */
  const tokens = (secret: string) => new UnsubscribeTokens(null as unknown as DataSource, { notifications: { secret } } as AppConfig);
  const ours = tokens('a'.repeat(64));

  it('comes back as the person and kind it was made for', async () => {
    const token = await ours.tokenFor(userId, 'proposal.answered');
    expect(token).toMatch(/^[\w-]+\.[\w-]{43}$/);
    expect(await ours.verify(token)).toEqual({ userId, kind: 'proposal.answered' });
  });

  it('is refused when altered, signed under another secret, or not ours at all', async () => {
    const token = await ours.tokenFor(userId, 'proposal.answered');
    const [payload, mac] = token.split('.');
    const otherKind = Buffer.from(`${userId}:benchmark.submitted`).toString('base64url');
    for (const bad of [
      `${otherKind}.${mac}`,
      `${payload}.${mac.slice(1)}A`,
      `${payload}.${mac}.x`,
      payload,
      '',
      42,
      null,
      await tokens('b'.repeat(64)).tokenFor(userId, 'proposal.answered'),
    ]) {
      expect(await ours.verify(bad)).toBeNull();
    }
    // Signed by us, but not a person and a kind.
    const signedJunk = async (text: string) => {
      const p = Buffer.from(text).toString('base64url');
      const t = await ours.tokenFor(userId, 'proposal.answered');
      return `${p}.${t.split('.')[1]}`;
    };
    expect(await ours.verify(await signedJunk('x:y'))).toBeNull();
  });
});
