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
