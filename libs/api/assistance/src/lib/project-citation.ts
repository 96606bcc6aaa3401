import type { EntityManager } from 'typeorm';
import type { ParticipantRole } from '@bt/contracts';
import { implementedBy } from './project-access';

/** A project as another domain may cite it: a CSO's shadow assessment names the monitoring project it comes from. */
export interface CitedProject {
  id: string;
  title: string;
  country: string;
  /** The organisation asked about implements it (the project-access rule). */
  implemented: boolean;
}

/** The project with this id as `organisationId` may cite it, or null when there is none. */
export async function projectToCite(em: EntityManager, projectId: string, organisationId: string): Promise<CitedProject | null> {
  const [row]: { id: string; title: string; country_code: string; participants: { role: ParticipantRole; organisationId: string | null }[] }[] = await em.query(
    `SELECT p.id, p.title, p.country_code,
            (SELECT coalesce(json_agg(json_build_object('role', ap.role, 'organisationId', ap.organisation_id)), '[]') FROM assistance_participant ap WHERE ap.project_id = p.id) AS participants
       FROM assistance_project p WHERE p.id = $1`,
    [projectId],
  );
  if (!row) return null;
  return { id: row.id, title: row.title, country: row.country_code.trim(), implemented: implementedBy(row, organisationId) };
}
