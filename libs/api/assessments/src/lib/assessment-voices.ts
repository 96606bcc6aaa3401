import { type Param, type Sql, sql } from '@bt/api/core';
import { missionExpert } from '@bt/api/missions';
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

/** The viewer's facts the visibility rules read, each one parameter however often a statement writes it. */
export interface ViewerFacts {
  roles: Param;
  country: Param;
  user: Param;
}

export function viewerFacts(viewer: Viewer | null): ViewerFacts {
  return { roles: sql.param(viewer ? [...viewer.roles] : []), country: sql.param(viewer?.countryCode ?? ''), user: sql.param(viewer?.userId ?? null) };
}

/**
 * Which assessments of benchmark `b` (area `a`) the viewer sees, as an SQL condition on `s`, over
 * the viewer's facts (`viewerFacts`):
 * - whoever takes part in the benchmark (the Commission, its country's ministry and CSOs, the
 *   mission's experts) sees every voice;
 * - everyone else, the public included, sees the CSOs' shadow assessments (a CSO publishes its own),
 *   and the Commission's and the ministry's once the benchmark is accepted (the published assessment).
 */
export function visibleAssessments(facts: ViewerFacts): Sql {
  const [roles, country, user] = [sql`${facts.roles}::text[]`, sql`${facts.country}::text`, sql`${facts.user}::uuid`];
  return sql`(s.voice = 'civil_society' OR b.state = 'accepted'
    OR 'commission' = ANY(${roles})
    OR (a.country_code = ${country} AND (${roles} && ARRAY['ministry', 'civil_society']))
    OR ('expert' = ANY(${roles}) AND ${missionExpert(sql.raw('b.id'), user)}))`;
}
