import type { EntityManager } from 'typeorm';
import type { ProjectVersionDto } from '@bt/contracts';

/**
 * A project's versions, newest first, from its audit trail: each change's audit event holds the
 * whole project before and after, so the fields it changed are found by comparing them. Only the
 * names of the fields leave here, never their values: the trail also holds Action Plan activity
 * titles, which only readers of the country's Action Plan may see.
 */
export async function projectVersions(em: EntityManager, projectId: string): Promise<ProjectVersionDto[]> {
  const rows: {
    at: Date;
    actor: string | null;
    action: string;
    via: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[] = await em.query(
    `SELECT e.occurred_at AS at, coalesce(u.display_name, e.actor_label) AS actor, e.action, e.data->>'via' AS via, e.data->'before' AS before, e.data->'after' AS after
       FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
      WHERE e.entity_type = 'assistance_project' AND e.entity_id = $1 AND e.action IN ('assistance.project-created', 'assistance.project-updated')
      ORDER BY e.id DESC`,
    [projectId],
  );
  return rows.map((row) => ({
    version: Number(row.after?.['version'] ?? 1),
    at: new Date(row.at).toISOString(),
    by: row.actor,
    change: row.action === 'assistance.project-created' ? 'created' : 'updated',
    via: row.via,
    fields: row.before && row.after ? changedFields(row.before, row.after) : [],
  }));
}

/** A project's fields in the order of its page (the trail's JSON keeps no order). */
const FIELD_ORDER = [
  'title',
  'description',
  'instrument',
  'status',
  'iatiIdentifier',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'budget',
  'objectives',
  'components',
  'expectedResults',
  'achievedResults',
  'sectors',
  'participants',
  'supports',
  'links',
];

/** The fields whose values differ, in the page's order; the version number itself is not a change. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const rank = (key: string) => (FIELD_ORDER.includes(key) ? FIELD_ORDER.indexOf(key) : FIELD_ORDER.length);
  return [...new Set([...Object.keys(after), ...Object.keys(before)])]
    .filter((key) => key !== 'version' && key !== 'id' && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
