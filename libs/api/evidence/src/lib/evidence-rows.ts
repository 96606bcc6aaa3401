import type { EntityManager } from 'typeorm';
import type { StoredFileColumns } from '@bt/api/files';
import type { EvidenceChange, EvidenceDto, EvidenceLinkDto, EvidenceVisibility } from '@bt/contracts';

/** The versioned fields of an item, as stored in `evidence` (current) and `evidence_version` (every one). */
export type EvidenceFields = Pick<EvidenceDto, 'title' | 'narrative' | 'visibility' | 'periodStart' | 'periodEnd' | 'subRequirementIds' | 'links'>;

/** An item as its writers read it: which benchmark, which version, its fields. */
export interface EvidenceItem {
  id: string;
  benchmarkId: string;
  version: number;
  fields: EvidenceFields;
}

/** The versioned fields as `fieldColumns` selects them. */
export interface EvidenceFieldRow {
  title: string;
  narrative: string;
  visibility: EvidenceVisibility;
  period_start: string | null;
  period_end: string | null;
  sub_requirement_ids: string[] | null;
  links: EvidenceLinkDto[] | null;
}

/** An item's own columns with its fields. */
export interface EvidenceItemRow extends EvidenceFieldRow {
  id: string;
  benchmark_id: string;
  version: number;
}

/** The files of an item or version, as FILE_COLUMNS aggregates them. */
export interface EvidenceFilesRow {
  files: StoredFileColumns[];
}

export const fieldColumns = (a: string) =>
  `${a}.title, ${a}.narrative, ${a}.visibility, to_char(${a}.period_start, 'YYYY-MM-DD') AS period_start, to_char(${a}.period_end, 'YYYY-MM-DD') AS period_end, ${a}.sub_requirement_ids, ${a}.links`;
export const FILE_COLUMNS = `json_build_object('id', s.id, 'file_name', s.file_name, 'media_type', s.media_type, 'kind', s.kind, 'sha256', s.sha256,
  'size', s.size, 'uploaded_at', s.uploaded_at, 'uploaded_by_name', fu.display_name) ORDER BY s.uploaded_at, s.id`;

export function fieldsOf(row: EvidenceFieldRow): EvidenceFields {
  return {
    title: row.title,
    narrative: row.narrative,
    visibility: row.visibility,
    periodStart: row.period_start ?? null,
    periodEnd: row.period_end ?? null,
    subRequirementIds: row.sub_requirement_ids ?? [],
    links: row.links ?? [],
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed between two versions' fields and file lists. */
export function evidenceChanges(before: EvidenceFields | null, after: EvidenceFields, filesBefore: string[], filesAfter: string[]): EvidenceChange[] {
  if (!before) return ['created'];
  const changes: EvidenceChange[] = [];
  if (before.title !== after.title) changes.push('title');
  if (before.narrative !== after.narrative) changes.push('narrative');
  if (before.visibility !== after.visibility) changes.push('visibility');
  if (before.periodStart !== after.periodStart || before.periodEnd !== after.periodEnd) changes.push('period');
  if (!same([...before.subRequirementIds].sort(), [...after.subRequirementIds].sort())) changes.push('subRequirements');
  if (!same(before.links, after.links)) changes.push('links');
  if (filesAfter.some((id) => !filesBefore.includes(id))) changes.push('filesAdded');
  if (filesBefore.some((id) => !filesAfter.includes(id))) changes.push('filesRemoved');
  return changes;
}

/**
 * An item's fields as statement parameters, in the order of the columns that `evidence` and
 * `evidence_version` both have: title, narrative, visibility, period_start, period_end,
 * sub_requirement_ids, links.
 */
export function fieldParameters(fields: EvidenceFields): unknown[] {
  return [fields.title, fields.narrative, fields.visibility, fields.periodStart, fields.periodEnd, fields.subRequirementIds, JSON.stringify(fields.links)];
}

/** Writes version `version` of an item with these fields, inside the writer's transaction. */
export function appendVersion(em: EntityManager, evidenceId: string, version: number, fields: EvidenceFields, authorId: string): Promise<unknown> {
  return em.query(
    `INSERT INTO evidence_version (evidence_id, version, title, narrative, visibility, period_start, period_end, sub_requirement_ids, links, author_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [evidenceId, version, ...fieldParameters(fields), authorId],
  );
}
