import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { refuse } from '@bt/api/core';
import { type BenchmarkScope, findBenchmarkScope } from '@bt/api/catalogue';
import { storedFileDto } from '@bt/api/files';
import type { DocumentKind, EvidenceDto, EvidenceVersionDto, EvidenceVisibility, RefusalCode } from '@bt/contracts';
import { hasRole, type Viewer } from '@bt/api/identity';
import { isMissionExpert } from '@bt/api/missions';
import type { BenchmarkState } from '@bt/workflow';
import {
  type EvidenceFields,
  type EvidenceFilesRow,
  type EvidenceItem,
  type EvidenceItemRow,
  evidenceChanges,
  FILE_COLUMNS,
  fieldColumns,
  fieldsOf,
} from './evidence-rows';
import { visibleEvidence } from './evidence-visibility';

export { evidenceChanges } from './evidence-rows';

/** What evidence files may be: documents, sheets, scans and plain data (decided by their bytes). */
export const EVIDENCE_FILE_KINDS: readonly DocumentKind[] = ['pdf', 'docx', 'xlsx', 'odt', 'ods', 'png', 'jpeg', 'csv', 'txt'];

/** Evidence is written while the benchmark is a draft; in any other state it is read-only. */
const READ_ONLY = {
  submitted: 'evidence.read-only-while-submitted',
  peerReview: 'evidence.read-only-while-in-peer-review',
  accepted: 'evidence.read-only-while-accepted',
} as const satisfies Record<Exclude<BenchmarkState, 'draft'>, RefusalCode>;

/** 403 unless the viewer is a ministry of the benchmark's country; 409 unless the benchmark is a draft. */
export function checkMayWriteEvidence(viewer: Viewer, scope: BenchmarkScope): void {
  if (!hasRole(viewer, 'ministry') || viewer.countryCode !== scope.countryCode) {
    throw refuse.forbidden('evidence.only-ministry');
  }
  if (scope.state !== 'draft') throw refuse.conflict(READ_ONLY[scope.state]);
}

/** An item at its current version, as the list and the item answer it. */
interface EvidenceDtoRow extends EvidenceItemRow, EvidenceFilesRow {
  created_at: Date;
  updated_at: Date;
  author: string;
  updated_by: string | null;
}

/** A version of an item, with the files it had. */
interface EvidenceVersionRow extends EvidenceFilesRow, Omit<EvidenceItemRow, 'id' | 'benchmark_id'> {
  created_at: Date;
  author: string;
}

/**
 * Evidence a ministry documents a benchmark with, as it is read: the items of a benchmark, one item,
 * its versions, each to whoever may see it. Every edit is a new version (earlier ones stay readable,
 * with who made them); the writers (EvidenceDraftingService, EvidenceFilesService) find the item
 * through `findWritable`, under the benchmark's row lock so a SUBMIT cannot interleave, and answer
 * with `one` inside their own transaction.
 */
@Injectable()
export class EvidenceService {
  constructor(private readonly dataSource: DataSource) {}

  async list(viewer: Viewer | null, benchmarkRef: string): Promise<EvidenceDto[]> {
    const em = this.dataSource.manager;
    const scope = await findBenchmarkScope(em, benchmarkRef);
    const visible = await this.visibleTo(em, viewer, scope);
    return this.query(em, `e.benchmark_id = $1 AND e.visibility = ANY($2)`, [scope.id, visible]);
  }

  /**
   * One item, for a caller who may see it (404 otherwise). A write reads its answer inside its own
   * transaction (`em`): once it has committed, no other round trip to the database can fail the request.
   */
  async one(viewer: Viewer | null, evidenceId: string, em: EntityManager = this.dataSource.manager): Promise<EvidenceDto> {
    const { scope } = await this.findVisible(em, viewer, evidenceId);
    const [item] = await this.query(em, `e.id = $1`, [evidenceId]);
    if (!item || item.benchmarkId !== scope.id) throw refuse.notFound('evidence.not-found', { id: evidenceId });
    return item;
  }

  /** Every version the caller may see, oldest first, with its files and what it changed. */
  async versions(viewer: Viewer | null, evidenceId: string): Promise<EvidenceVersionDto[]> {
    const em = this.dataSource.manager;
    const { visible } = await this.findVisible(em, viewer, evidenceId);
    const rows = await em.query<EvidenceVersionRow[]>(
      `SELECT v.version, ${fieldColumns('v')},
              v.created_at, u.display_name AS author,
              coalesce((SELECT json_agg(${FILE_COLUMNS}) FROM evidence_file f JOIN stored_file s ON s.id = f.stored_file_id JOIN app_user fu ON fu.id = s.uploaded_by
                         WHERE f.evidence_id = v.evidence_id AND f.added_in_version <= v.version AND (f.removed_in_version IS NULL OR f.removed_in_version > v.version)), '[]') AS files
         FROM evidence_version v JOIN app_user u ON u.id = v.author_id
        WHERE v.evidence_id = $1 ORDER BY v.version`,
      [evidenceId],
    );
    const versions: EvidenceVersionDto[] = [];
    let previous: { fields: EvidenceFields; files: string[] } | null = null;
    for (const row of rows) {
      const fields = fieldsOf(row);
      const files = row.files.map(storedFileDto);
      const fileIds = files.map((f) => f.id);
      const changes = evidenceChanges(previous?.fields ?? null, fields, previous?.files ?? [], fileIds);
      previous = { fields, files: fileIds };
      // A version that was narrower than what the caller may see stays hidden (e.g. internal before it was shared).
      if (!visible.includes(fields.visibility)) continue;
      versions.push({ version: row.version, ...fields, files, author: row.author, createdAt: new Date(row.created_at).toISOString(), changes });
    }
    return versions;
  }

  private async visibleTo(em: EntityManager, viewer: Viewer | null, scope: BenchmarkScope): Promise<EvidenceVisibility[]> {
    const missionExpert = viewer && hasRole(viewer, 'expert') ? await isMissionExpert(em, scope.id, viewer.userId) : false;
    return visibleEvidence(viewer, scope, missionExpert);
  }

  /** The item and its benchmark, when the caller may see the item; a hidden item is "not found". */
  async findVisible(
    em: EntityManager,
    viewer: Viewer | null,
    evidenceId: string,
    lock = false,
  ): Promise<{ scope: BenchmarkScope; item: EvidenceItem; visible: EvidenceVisibility[] }> {
    const [ref] = await em.query<{ benchmark_id: string }[]>(`SELECT benchmark_id FROM evidence WHERE id = $1`, [evidenceId]);
    if (!ref) throw refuse.notFound('evidence.not-found', { id: evidenceId });
    // The benchmark first (as a transition locks it), then the item: one lock order for every writer.
    const scope = await findBenchmarkScope(em, ref.benchmark_id, lock);
    const [row] = await em.query<EvidenceItemRow[]>(
      `SELECT e.id, e.benchmark_id, e.version, ${fieldColumns('e')} FROM evidence e WHERE e.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [evidenceId],
    );
    const visible = await this.visibleTo(em, viewer, scope);
    if (!row || !visible.includes(row.visibility)) throw refuse.notFound('evidence.not-found', { id: evidenceId });
    const item: EvidenceItem = { id: row.id, benchmarkId: row.benchmark_id, version: row.version, fields: fieldsOf(row) };
    return { scope, item, visible };
  }

  /** As `findVisible`, locked, for a caller who may change it now (403 / 409 otherwise). */
  async findWritable(
    em: EntityManager,
    viewer: Viewer,
    evidenceId: string,
  ): Promise<{ scope: BenchmarkScope; item: EvidenceItem; visible: EvidenceVisibility[] }> {
    const found = await this.findVisible(em, viewer, evidenceId, em.queryRunner?.isTransactionActive ?? false);
    checkMayWriteEvidence(viewer, found.scope);
    return found;
  }

  private async query(em: EntityManager, where: string, values: unknown[]): Promise<EvidenceDto[]> {
    const rows = await em.query<EvidenceDtoRow[]>(
      `SELECT e.id, e.benchmark_id, e.version, ${fieldColumns('e')},
              e.created_at, e.updated_at, u.display_name AS author, uu.display_name AS updated_by,
              coalesce((SELECT json_agg(${FILE_COLUMNS}) FROM evidence_file f JOIN stored_file s ON s.id = f.stored_file_id JOIN app_user fu ON fu.id = s.uploaded_by
                         WHERE f.evidence_id = e.id AND f.removed_in_version IS NULL), '[]') AS files
         FROM evidence e JOIN app_user u ON u.id = e.author_id LEFT JOIN app_user uu ON uu.id = e.updated_by
        WHERE ${where} ORDER BY e.created_at, e.id`,
      values,
    );
    return rows.map((r) => ({
      id: r.id,
      benchmarkId: r.benchmark_id,
      version: r.version,
      ...fieldsOf(r),
      files: r.files.map(storedFileDto),
      author: r.author,
      createdAt: new Date(r.created_at).toISOString(),
      updatedBy: r.updated_by ?? r.author,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }
}
