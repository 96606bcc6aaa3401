import type { EvidenceDto, HistoryEventDto, MeDto, MissionDto, ProposalDto, RoleAssignmentDto } from '@bt/contracts';
import type { AvailableEvent, BenchmarkEventType, Reason } from '@bt/workflow';
import { me } from '@bt/web/identity/testing';

/** Workflow answers as the API gives them, for unit tests. */
export function availableEvent(
  type: BenchmarkEventType,
  enabled = true,
  reason: Reason | null = null,
  payload: AvailableEvent['payload'] = [],
): AvailableEvent {
  return { type, enabled, reason, payload };
}

/** A signed-in user as `GET /api/auth/me` (or the login) answers: Marko, the Serbian coordination body's, with these roles. */
export function signedInUser(roles: RoleAssignmentDto[], overrides: Partial<MeDto> = {}): MeDto {
  return me(roles, {
    id: 'user-marko',
    email: 'coordinator@demo.test',
    displayName: 'Marko Coordinator',
    organisation: { id: 'org-rs', name: 'Serbia, Negotiating Group for Chapter 24', kind: 'coordination_body', country: 'RS' },
    ...overrides,
  });
}

export const COORDINATOR: RoleAssignmentDto[] = [{ role: 'ministry', coordinator: true }];
export const COMMISSION: RoleAssignmentDto[] = [{ role: 'commission', coordinator: false }];
export const EXPERT: RoleAssignmentDto[] = [{ role: 'expert', coordinator: false }];
export const CIVIL_SOCIETY: RoleAssignmentDto[] = [{ role: 'civil_society', coordinator: false }];

export function historyEvent(overrides: Partial<HistoryEventDto> = {}): HistoryEventDto {
  return {
    id: '1',
    at: '2026-03-02T10:00:00.000Z',
    actor: 'Marko Coordinator',
    action: 'benchmark.SUBMIT',
    event: 'SUBMIT',
    from: 'draft',
    to: 'submitted',
    comment: null,
    ...overrides,
  };
}

export function evidenceItem(overrides: Partial<EvidenceDto> = {}): EvidenceDto {
  return {
    id: 'ev-1',
    benchmarkId: 'id-RS-24-MIG-02',
    title: 'Law on Foreigners, amendments adopted',
    narrative: 'Adopted by the National Assembly in March.',
    visibility: 'shared',
    version: 1,
    periodStart: null,
    periodEnd: null,
    subRequirementIds: [],
    links: [],
    files: [],
    author: 'Jelena Ministry',
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedBy: 'Jelena Ministry',
    updatedAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

export function proposal(overrides: Partial<ProposalDto> = {}): ProposalDto {
  return {
    id: 'p-1',
    benchmarkId: 'id-RS-24-MIG-02',
    kind: 'proposal',
    parentId: null,
    text: 'Publish the statistics on returns every quarter.',
    hiddenAt: null,
    author: 'Milica Civil Society',
    organisation: 'Serbian civil-society coalition',
    createdAt: '2026-03-01T09:00:00.000Z',
    subRequirement: null,
    evidence: null,
    answer: null,
    answers: [],
    daysToAnswer: null,
    replies: [],
    ...overrides,
  };
}

export function mission(overrides: Partial<MissionDto> = {}): MissionDto {
  return {
    id: 'mission-1',
    startDate: '2026-03-02',
    endDate: '2026-03-06',
    experts: [{ id: 'user-erik', displayName: 'Erik Expert' }],
    report: null,
    ...overrides,
  };
}
