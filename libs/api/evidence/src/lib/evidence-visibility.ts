import type { BenchmarkScope } from '@bt/api/catalogue';
import type { EvidenceVisibility } from '@bt/contracts';
import { hasRole, type Viewer } from '@bt/api/identity';

/**
 * Who sees which evidence of a benchmark (docs/design.md, Visibility): the ministry everything of its
 * own country; the Commission everything but `internal`; experts what is shared on the benchmarks
 * of their missions; civil society the shared and public items of its own country; everyone else
 * only what is public. Queries filter with this list, so a hidden item never leaves the database.
 */
export function visibleEvidence(viewer: Viewer | null, scope: BenchmarkScope, missionExpert: boolean): EvidenceVisibility[] {
  if (!viewer) return ['public'];
  const ownCountry = viewer.countryCode === scope.countryCode;
  if (hasRole(viewer, 'ministry') && ownCountry) return ['internal', 'shared', 'public'];
  if (hasRole(viewer, 'commission')) return ['shared', 'public'];
  if (hasRole(viewer, 'expert') && missionExpert) return ['shared', 'public'];
  if (hasRole(viewer, 'civil_society') && ownCountry) return ['shared', 'public'];
  return ['public'];
}
