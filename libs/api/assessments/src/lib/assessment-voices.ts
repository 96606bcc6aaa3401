import { missionExpertSql } from '@bt/api/missions';
import type { BenchmarkScope } from '@bt/api/catalogue';
import type { AssessmentVoice } from '@bt/contracts';
import { hasRole, type Viewer } from '@bt/api/identity';

/**
 * In whose voice this viewer assesses a benchmark: the Commission's; the ministry's self-assessment
 * (the ministry of the benchmark's country); a CSO's shadow assessment (civil society of the
 * benchmark's country, in the name of its organisation). Null: nobody's.
 */
export function voiceOf(viewer: Viewer, scope: BenchmarkScope): AssessmentVoice | null {
  if (hasRole(viewer, 'commission')) return 'commission';
  if (viewer.countryCode !== scope.countryCode) return null;
  if (hasRole(viewer, 'ministry')) return 'ministry';
  if (hasRole(viewer, 'civil_society')) return 'civil_society';
  return null;
}

/**
 * Which assessments of benchmark `b` (area `a`) the viewer sees, as an SQL condition on `s`, with the
 * viewer's facts as parameters $n (roles), $n+1 (country), $n+2 (user id):
 * - whoever takes part in the benchmark (the Commission, its country's ministry and CSOs, the
 *   mission's experts) sees every voice;
 * - everyone else, the public included, sees the CSOs' shadow assessments (a CSO publishes its own),
 *   and the Commission's and the ministry's once the benchmark is accepted (the published assessment).
 */
export function visibleAssessments(first: number): string {
  const [roles, country, user] = [`$${first}::text[]`, `$${first + 1}::text`, `$${first + 2}::uuid`];
  return `(s.voice = 'civil_society' OR b.state = 'accepted'
    OR 'commission' = ANY(${roles})
    OR (a.country_code = ${country} AND (${roles} && ARRAY['ministry', 'civil_society']))
    OR ('expert' = ANY(${roles}) AND ${missionExpertSql('b.id', user)}))`;
}

/** The parameters `visibleAssessments` reads, in its order. */
export function viewerFacts(viewer: Viewer | null): [string[], string, string | null] {
  return [viewer ? [...viewer.roles] : [], viewer?.countryCode ?? '', viewer?.userId ?? null];
}
