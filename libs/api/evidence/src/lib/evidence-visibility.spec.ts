import type { BenchmarkScope } from '@bt/api/catalogue';
import { viewerWith } from '@bt/api/identity/testing';
import { visibleEvidence } from './evidence-visibility';

const serbian: BenchmarkScope = { id: 'b', code: 'RS-24-MIG-01', countryCode: 'RS', state: 'draft', version: 1 };
const viewer = viewerWith;

describe('who sees which evidence', () => {
  it.each([
    ['the ministry of the country', viewer(['ministry'], 'RS'), false, ['internal', 'shared', 'public']],
    ["another country's ministry", viewer(['ministry'], 'AL'), false, ['public']],
    ['the Commission', viewer(['commission'], null), false, ['shared', 'public']],
    ['an expert of a mission on it', viewer(['expert'], null), true, ['shared', 'public']],
    ['an expert of no mission on it', viewer(['expert'], null), false, ['public']],
    ["the country's civil society", viewer(['civil_society'], 'RS'), false, ['shared', 'public']],
    ["another country's civil society", viewer(['civil_society'], 'AL'), false, ['public']],
    ['an admin', viewer(['admin'], null), false, ['public']],
    ['the public', null, false, ['public']],
  ] as const)('%s', (_who, v, missionExpert, expected) => {
    expect(visibleEvidence(v, serbian, missionExpert)).toEqual(expected);
  });
});
