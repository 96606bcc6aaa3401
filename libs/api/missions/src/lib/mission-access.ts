import { type Sql, sql } from '@bt/api/core';
import { hasRole, type Viewer } from '@bt/api/identity';

/**
 * How a caller sees a peer-review mission: the Commission runs it; its experts work in it; the
 * ministry of its country hosts it (dates, scope, experts, agenda, terms of reference — and the
 * findings, report and recommendations once the Commission shares the report). null: 404.
 */
export type MissionAccess = 'commission' | 'expert' | 'host';

export function missionAccess(viewer: Viewer, mission: { countryCode: string; assigned: boolean }): MissionAccess | null {
  if (hasRole(viewer, 'commission')) return 'commission';
  if (hasRole(viewer, 'expert') && mission.assigned) return 'expert';
  if (hasRole(viewer, 'ministry') && viewer.countryCode === mission.countryCode) return 'host';
  return null;
}

/**
 * The same rule in SQL, for lists: whether the viewer sees mission `m` (an alias with `id` and
 * `country_code`), as an `sql` fragment with the viewer's facts as its parameters.
 */
export function missionSeen(m: string, viewer: Viewer): Sql {
  const [commission, user, country] = missionSeenParams(viewer);
  return seen(sql.raw(m), commission, user, country);
}

/** The rule for a statement numbered by hand: its three parameters from `missionSeenParams`, numbered from `first`. */
export function missionSeenSql(m: string, first: number): string {
  return seen(sql.raw(m), sql.raw(`$${first}`), sql.raw(`$${first + 1}`), sql.raw(`$${first + 2}`)).text;
}

/** The rule itself; each fact a value (a parameter) or a fragment. */
function seen(m: Sql, commission: unknown, user: unknown, country: unknown): Sql {
  return sql`(${commission}::boolean OR EXISTS (SELECT 1 FROM mission_expert x WHERE x.mission_id = ${m}.id AND x.user_id = ${user}) OR ${m}.country_code = ${country})`;
}

export function missionSeenParams(viewer: Viewer): [boolean, string, string | null] {
  return [hasRole(viewer, 'commission'), viewer.userId, hasRole(viewer, 'ministry') ? viewer.countryCode : null];
}
