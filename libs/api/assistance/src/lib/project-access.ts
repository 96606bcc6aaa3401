import { hasRole, type Viewer } from '@bt/api/identity';
import type { ParticipantRole } from '@bt/contracts';

/** What the write rule needs of a project: its country and which organisations of this app implement it. */
export interface ProjectWriteScope {
  country: string;
  participants: readonly { role: ParticipantRole; organisationId?: string | null }[];
}

/**
 * Who writes a project (docs/assistance.md): admins and the Commission any; the ministry of the
 * project's country; a CSO the projects its own organisation implements. Project information is
 * public, so there is no reading rule: anyone reads every project.
 */
export function writesProject(viewer: Viewer | null, project: ProjectWriteScope): boolean {
  if (!viewer) return false;
  if (hasRole(viewer, 'admin', 'commission')) return true;
  if (hasRole(viewer, 'ministry') && viewer.countryCode === project.country) return true;
  return hasRole(viewer, 'civil_society') && implementedBy(project, viewer.organisationId);
}

export function implementedBy(project: Pick<ProjectWriteScope, 'participants'>, organisationId: string): boolean {
  return project.participants.some((p) => p.role === 'implementing' && p.organisationId === organisationId);
}
