import type { Viewer } from '@bt/api/identity';
import { acceptsReplies, consultationAccess } from './consultation-access';

const viewer = (role: string): Viewer => ({
  userId: 'u',
  email: 'x',
  displayName: 'x',
  organisationId: 'o',
  countryCode: 'RS',
  roles: new Set([role]) as Viewer['roles'],
  coordinator: false,
  sessionTokenHash: 'h',
  secondFactorOutstanding: false,
});

describe('who sees a written consultation', () => {
  it('the Commission always; a recipient once opened; anyone once published', () => {
    expect(consultationAccess(viewer('commission'), 'draft', false)).toBe('commission');
    expect(consultationAccess(viewer('ministry'), 'draft', true)).toBeNull();
    expect(consultationAccess(viewer('ministry'), 'open', true)).toBe('recipient');
    expect(consultationAccess(viewer('civil_society'), 'closed', true)).toBe('recipient');
    expect(consultationAccess(viewer('ministry'), 'open', false)).toBeNull();
    expect(consultationAccess(viewer('expert'), 'open', true)).toBeNull();
    expect(consultationAccess(null, 'summarised', false)).toBeNull();
    expect(consultationAccess(null, 'published', false)).toBe('public');
  });

  it('takes replies only while open and before the deadline', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(acceptsReplies('open', new Date('2026-05-02T00:00:00Z'), now)).toBe(true);
    expect(acceptsReplies('open', new Date('2026-05-01T11:59:59Z'), now)).toBe(false);
    expect(acceptsReplies('closed', new Date('2026-05-02T00:00:00Z'), now)).toBe(false);
    expect(acceptsReplies('open', null, now)).toBe(false);
  });
});
