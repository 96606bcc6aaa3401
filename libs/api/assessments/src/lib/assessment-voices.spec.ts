import type { BenchmarkScope } from '@bt/api/catalogue';
import type { AssessmentDto } from '@bt/contracts';
import { viewerWith } from '@bt/api/identity/testing';
import { voiceOf } from './assessment-voices';
import { voices } from './assessments.service';

const serbian: BenchmarkScope = { id: 'b', code: 'RS-24-MIG-01', countryCode: 'RS', state: 'draft', version: 1 };
const viewer = viewerWith;
const assessment = (
  voice: AssessmentDto['voice'],
  organisationId: string,
  createdAt: string,
  progress: AssessmentDto['progress'] = 'some_progress',
): AssessmentDto => ({
  id: `${voice}-${organisationId}-${createdAt}`,
  voice,
  organisation: organisationId.toUpperCase(),
  organisationId,
  period: '2026',
  preparation: 'some_level',
  progress,
  text: 't',
  author: 'A',
  createdAt,
});

describe('the voices of an assessment', () => {
  it("are the Commission's, the country's ministry's and the country's CSOs'; nobody else assesses", () => {
    expect(voiceOf(viewer(['commission'], null), serbian)).toBe('commission');
    expect(voiceOf(viewer(['ministry'], 'RS'), serbian)).toBe('ministry');
    expect(voiceOf(viewer(['civil_society'], 'RS'), serbian)).toBe('civil_society');
    expect(voiceOf(viewer(['civil_society'], 'AL'), serbian)).toBeNull();
    expect(voiceOf(viewer(['ministry'], 'AL'), serbian)).toBeNull();
    expect(voiceOf(viewer(['expert'], null), serbian)).toBeNull();
    expect(voiceOf(viewer(['admin'], null), serbian)).toBeNull();
  });

  it('take the latest assessment of each voice and organisation as current', () => {
    const current = voices([
      assessment('commission', 'ec', '2026-01-01T00:00:00Z', 'limited_progress'),
      assessment('commission', 'ec', '2026-03-01T00:00:00Z', 'good_progress'),
      assessment('civil_society', 'b', '2026-02-01T00:00:00Z'),
      assessment('civil_society', 'a', '2026-01-01T00:00:00Z', 'no_progress'),
      assessment('civil_society', 'a', '2026-02-15T00:00:00Z', 'backsliding'),
    ]);
    expect(current.commission?.progress).toBe('good_progress');
    expect(current.ministry).toBeNull();
    expect(current.civilSociety.map((a) => [a.organisationId, a.progress])).toEqual([
      ['a', 'backsliding'],
      ['b', 'some_progress'],
    ]);
  });
});
