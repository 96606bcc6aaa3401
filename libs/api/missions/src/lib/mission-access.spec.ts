import type { Viewer } from '@bt/api/identity';
import { missionAccess } from './mission-access';

const viewer = (role: string, countryCode: string | null = null): Viewer => ({
  userId: 'u',
  email: 'x',
  displayName: 'x',
  organisationId: 'o',
  countryCode,
  roles: new Set([role]) as Viewer['roles'],
  coordinator: false,
  sessionTokenHash: 'h',
  secondFactorOutstanding: false,
});

describe('who sees a peer-review mission', () => {
  it('the Commission, the mission’s experts, the host country’s ministry; nobody else', () => {
    const mission = { countryCode: 'RS', assigned: false };
    expect(missionAccess(viewer('commission'), mission)).toBe('commission');
    expect(missionAccess(viewer('expert'), mission)).toBeNull();
    expect(missionAccess(viewer('expert'), { ...mission, assigned: true })).toBe('expert');
    expect(missionAccess(viewer('ministry', 'RS'), mission)).toBe('host');
    expect(missionAccess(viewer('ministry', 'AL'), mission)).toBeNull();
    expect(missionAccess(viewer('civil_society', 'RS'), mission)).toBeNull();
  });
});
