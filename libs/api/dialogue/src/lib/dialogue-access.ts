import type { BenchmarkScope } from '@bt/api/catalogue';
import { hasRole, type Viewer } from '@bt/api/identity';

/** The dialogue on a benchmark is seen by its country's ministry and CSOs, the Commission and the mission's experts. */
export function seesDialogue(viewer: Viewer | null, scope: BenchmarkScope, missionExpert: boolean): boolean {
  if (!viewer) return false;
  const ownCountry = viewer.countryCode === scope.countryCode;
  return hasRole(viewer, 'commission') || (ownCountry && hasRole(viewer, 'ministry', 'civil_society')) || (hasRole(viewer, 'expert') && missionExpert);
}

/** Proposals come from the country's CSOs (and the Commission), while the benchmark is open for input. */
export function mayPropose(viewer: Viewer, scope: BenchmarkScope): boolean {
  return hasRole(viewer, 'commission') || (hasRole(viewer, 'civil_society') && viewer.countryCode === scope.countryCode);
}

export const OPEN_FOR_INPUT = ['draft', 'submitted', 'peerReview'];
