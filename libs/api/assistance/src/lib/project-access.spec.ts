import type { Viewer } from '@bt/api/identity';
import type { Role } from '@bt/contracts';
import { writesProject } from './project-access';

const viewer = (roles: Role[], countryCode: string | null, organisationId = 'org-1'): Viewer => ({
  userId: 'u',
  email: 'u@demo.test',
  displayName: 'U',
  organisationId,
  countryCode,
  roles: new Set(roles),
  coordinator: false,
  sessionTokenHash: '',
  secondFactorOutstanding: false,
});

describe('who writes an assistance project', () => {
  const project = {
    country: 'RS',
    participants: [
      { role: 'implementing' as const, organisationId: 'cso-1' },
      { role: 'funding' as const, organisationId: 'cso-2' },
    ],
  };

  it('lets the Commission and admins write any project, and the ministry its own country’s', () => {
    expect(writesProject(viewer(['commission'], null), project)).toBe(true);
    expect(writesProject(viewer(['admin'], null), project)).toBe(true);
    expect(writesProject(viewer(['ministry'], 'RS'), project)).toBe(true);
    expect(writesProject(viewer(['ministry'], 'AL'), project)).toBe(false);
  });

  it('lets a CSO write only what its own organisation implements, and nobody anonymous or an expert', () => {
    expect(writesProject(viewer(['civil_society'], 'RS', 'cso-1'), project)).toBe(true);
    expect(writesProject(viewer(['civil_society'], 'RS', 'cso-2'), project)).toBe(false);
    expect(writesProject(viewer(['civil_society'], 'RS', 'cso-3'), project)).toBe(false);
    expect(writesProject(viewer(['expert'], null), project)).toBe(false);
    expect(writesProject(null, project)).toBe(false);
  });
});
