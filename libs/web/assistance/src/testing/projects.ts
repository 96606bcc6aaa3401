import type { ProjectDto } from '@bt/contracts';

/** A project as the API answers it: the Twinning against trafficking, closed. */
export function project(overrides: Partial<ProjectDto> = {}): ProjectDto {
  return {
    id: 'p-1',
    country: 'RS',
    title: 'Support to Strengthening the Fight against Trafficking in Human Beings (Twinning)',
    description: '',
    instrument: 'twinning',
    status: 4,
    iatiIdentifier: null,
    plannedStart: null,
    plannedEnd: null,
    actualStart: '2018-09',
    actualEnd: '2021-01',
    budget: null,
    objectives: [],
    components: [],
    expectedResults: [],
    achievedResults: [],
    sectors: [],
    participants: [
      { name: 'European Commission, DG NEAR', role: 'funding', organisationId: null, ref: null, type: null },
      { name: 'Ministry of Interior of the Republic of Slovenia', role: 'implementing', organisationId: null, ref: null, type: null },
    ],
    supports: [
      { benchmark: { id: 'b-9', code: 'RS-24-POL-09', area: 'POL' }, subRequirement: null, activity: null, how: 'Strengthens the fight against trafficking.' },
    ],
    links: [],
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    mayEdit: false,
    ...overrides,
  };
}
