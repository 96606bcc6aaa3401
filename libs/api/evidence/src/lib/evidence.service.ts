import { Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { type BenchmarkScope, findBenchmarkScope } from '@bt/api/catalogue';
import { FilesService, storedFileDto } from '@bt/api/files';
import { type CreateEvidenceRequest, type RefusalCode, type DocumentKind, type EvidenceChange, type EvidenceDto, type EvidenceLinkDto, type EvidenceVersionDto, type EvidenceVisibility, isCalendarDay, type UpdateEvidenceRequest } from '@bt/contracts';
import { actorOfViewer, hasRole, type Viewer } from '@bt/api/identity';
import { isMissionExpert } from '@bt/api/missions';
import type { BenchmarkState } from '@bt/workflow';
import { visibleEvidence } from './evidence-visibility';

/** What evidence files may be: documents, sheets, scans and plain data (decided by their bytes). */
export const EVIDENCE_FILE_KINDS: readonly DocumentKind[] = ['pdf', 'docx', 'xlsx', 'odt', 'ods', 'png', 'jpeg', 'csv', 'txt'];

/** The versioned fields of an item, as stored in `evidence` (current) and `evidence_version` (every one). */
interface EvidenceFields {
  title: string;
  narrative: string;
  visibility: EvidenceVisibility;
  periodStart: string | null;
  periodEnd: string | null;
  subRequirementIds: string[];
  links: EvidenceLinkDto[];
}

interface EvidenceRow {
  id: string;
  benchmarkId: string;
  version: number;
  fields: EvidenceFields;
}

const fieldColumns = (a: string) =>
  `${a}.title, ${a}.narrative, ${a}.visibility, to_char(${a}.period_start, 'YYYY-MM-DD') AS period_start, to_char(${a}.period_end, 'YYYY-MM-DD') AS period_end, ${a}.sub_requirement_ids, ${a}.links`;
const FILE_COLUMNS = `json_build_object('id', s.id, 'file_name', s.file_name, 'media_type', s.media_type, 'kind', s.kind, 'sha256', s.sha256,
  'size', s.size, 'uploaded_at', s.uploaded_at, 'uploaded_by_name', fu.display_name) ORDER BY s.uploaded_at, s.id`;

function fieldsOf(row: Record<string, any>): EvidenceFields {
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
 * Evidence a ministry documents a benchmark with: versioned fields, files and links. Every edit is
 * a new version (earlier ones stay readable, with who made them); writes are possible only while
 * the benchmark is a draft, checked under the benchmark's row lock so a SUBMIT cannot interleave.
 */

/** Evidence is written while the benchmark is a draft; in any other state it is read-only. */
const READ_ONLY = {
  submitted: 'evidence.read-only-while-submitted',
  peerReview: 'evidence.read-only-while-in-peer-review',
  accepted: 'evidence.read-only-while-accepted',
} as const satisfies Record<Exclude<BenchmarkState, 'draft'>, RefusalCode>;

@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly files: FilesService,
  ) {}

  async create(viewer: Viewer, benchmarkRef: string, request: CreateEvidenceRequest, ip: string): Promise<EvidenceDto> {
    return this.dataSource.transaction(async (em) => {
      // A shared lock: no transition of this benchmark can commit in between.
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      this.mayWrite(viewer, scope);
      const fields = await this.checked(em, scope, {
        title: request.title,
        narrative: request.narrative ?? '',
        visibility: request.visibility,
        periodStart: request.periodStart ?? null,
        periodEnd: request.periodEnd ?? null,
        subRequirementIds: request.subRequirementIds ?? [],
        links: (request.links ?? []).map((l) => ({ url: l.url, label: l.label ?? '' })),
      });
      const [row] = await em.query(
        `INSERT INTO evidence (benchmark_id, title, narrative, visibility, period_start, period_end, sub_requirement_ids, links, author_id, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
        [scope.id, fields.title, fields.narrative, fields.visibility, fields.periodStart, fields.periodEnd, fields.subRequirementIds, JSON.stringify(fields.links), viewer.userId],
      );
      await this.appendVersion(em, row.id, 1, fields, viewer.userId);
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: 'evidence.created',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { evidenceId: row.id, title: fields.title, visibility: fields.visibility },
      });
      return this.one(viewer, row.id, em);
    });
  }

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

  /** A new version with the changed fields; 409 when `version` is not the current one. */
  async update(viewer: Viewer, evidenceId: string, request: UpdateEvidenceRequest, ip: string): Promise<EvidenceDto> {
    return this.dataSource.transaction(async (em) => {
      const { scope, item } = await this.findWritable(em, viewer, evidenceId);
      if (request.version !== item.version) {
        throw refuse.conflict('evidence.changed-meanwhile', { current: item.version, sent: request.version });
      }
      const before = item.fields;
      const after = await this.checked(em, scope, {
        title: request.title ?? before.title,
        narrative: request.narrative ?? before.narrative,
        visibility: request.visibility ?? before.visibility,
        periodStart: request.periodStart !== undefined ? request.periodStart : before.periodStart,
        periodEnd: request.periodEnd !== undefined ? request.periodEnd : before.periodEnd,
        subRequirementIds: request.subRequirementIds ?? before.subRequirementIds,
        links: request.links ? request.links.map((l) => ({ url: l.url, label: l.label ?? '' })) : before.links,
      });
      const changed = evidenceChanges(before, after, [], []);
      if (!changed.length) return this.one(viewer, evidenceId, em);
      const version = item.version + 1;
      await em.query(
        `UPDATE evidence SET title = $2, narrative = $3, visibility = $4, period_start = $5, period_end = $6, sub_requirement_ids = $7, links = $8,
                version = $9, updated_at = now(), updated_by = $10 WHERE id = $1`,
        [item.id, after.title, after.narrative, after.visibility, after.periodStart, after.periodEnd, after.subRequirementIds, JSON.stringify(after.links), version, viewer.userId],
      );
      await this.appendVersion(em, item.id, version, after, viewer.userId);
      const pick = (fields: EvidenceFields) => Object.fromEntries(Object.entries(fields).filter(([key]) => changed.some((c) => key.startsWith(c === 'period' ? 'period' : c))));
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: 'evidence.updated',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { evidenceId: item.id, version, changes: changed, before: pick(before), after: pick(after) },
      });
      return this.one(viewer, evidenceId, em);
    });
  }

  /** Every version the caller may see, oldest first, with its files and what it changed. */
  async versions(viewer: Viewer | null, evidenceId: string): Promise<EvidenceVersionDto[]> {
    const em = this.dataSource.manager;
    const { visible } = await this.findVisible(em, viewer, evidenceId);
    const rows = await em.query(
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
      const files = (row.files as Record<string, any>[]).map((f) => storedFileDto(f as Parameters<typeof storedFileDto>[0]));
      const fileIds = files.map((f) => f.id);
      const changes = evidenceChanges(previous?.fields ?? null, fields, previous?.files ?? [], fileIds);
      previous = { fields, files: fileIds };
      // A version that was narrower than what the caller may see stays hidden (e.g. internal before it was shared).
      if (!visible.includes(fields.visibility)) continue;
      versions.push({ version: row.version, ...fields, files, author: row.author, createdAt: new Date(row.created_at).toISOString(), changes });
    }
    return versions;
  }

  /** Access to add a file, decided before any byte is stored (404 / 403 / 409). */
  async checkMayAddFile(viewer: Viewer, evidenceId: string): Promise<void> {
    await this.findWritable(this.dataSource.manager, viewer, evidenceId);
  }

  /** Records a received upload as a new version of the item with this file added. */
  async addFile(viewer: Viewer, evidenceId: string, file: MultipartFile | undefined, ip: string): Promise<EvidenceDto> {
    await this.checkMayAddFile(viewer, evidenceId);
    const received = await this.files.receive(file, EVIDENCE_FILE_KINDS);
    return this.files.keepIf(received, () =>
      this.dataSource.transaction(async (em) => {
        // Checked again under the locks: the benchmark may have been submitted during the upload.
        const { scope, item } = await this.findWritable(em, viewer, evidenceId);
        const stored = await this.files.record(em, received, viewer.userId);
        const version = await this.nextVersion(em, item, viewer.userId);
        await em.query(`INSERT INTO evidence_file (evidence_id, stored_file_id, added_in_version) VALUES ($1, $2, $3)`, [item.id, stored.id, version]);
        await this.audit.record(em, actorOfViewer(viewer, ip), {
          action: 'evidence.file_added',
          entityType: 'benchmark',
          entityId: scope.id,
          data: { evidenceId: item.id, version, fileId: stored.id, fileName: stored.fileName, kind: stored.kind, sha256: stored.sha256, size: stored.size },
        });
        return this.one(viewer, evidenceId, em);
      }),
    );
  }

  /** A new version without the file; the file stays readable in the earlier versions. */
  async removeFile(viewer: Viewer, evidenceId: string, fileId: string, ip: string): Promise<EvidenceDto> {
    return this.dataSource.transaction(async (em) => {
      const { scope, item } = await this.findWritable(em, viewer, evidenceId);
      const [file] = await em.query(
        `SELECT s.file_name FROM evidence_file f JOIN stored_file s ON s.id = f.stored_file_id WHERE f.evidence_id = $1 AND f.stored_file_id = $2 AND f.removed_in_version IS NULL`,
        [item.id, fileId],
      );
      if (!file) throw refuse.notFound('evidence.file-not-in-current-version', { id: fileId });
      const version = await this.nextVersion(em, item, viewer.userId);
      await em.query(`UPDATE evidence_file SET removed_in_version = $3 WHERE evidence_id = $1 AND stored_file_id = $2`, [item.id, fileId, version]);
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: 'evidence.file_removed',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { evidenceId: item.id, version, fileId, fileName: file.file_name },
      });
      return this.one(viewer, evidenceId, em);
    });
  }

  /** Sends a file of a version the caller may see, as an attachment (404 for anyone else). */
  async download(viewer: Viewer | null, evidenceId: string, fileId: string, reply: FastifyReply): Promise<void> {
    const em = this.dataSource.manager;
    const { visible } = await this.findVisible(em, viewer, evidenceId);
    const [seen] = await em.query(
      `SELECT 1 FROM evidence_file f JOIN evidence_version v ON v.evidence_id = f.evidence_id
          AND v.version >= f.added_in_version AND (f.removed_in_version IS NULL OR v.version < f.removed_in_version)
        WHERE f.evidence_id = $1 AND f.stored_file_id = $2 AND v.visibility = ANY($3) LIMIT 1`,
      [evidenceId, fileId, visible],
    );
    if (!seen) throw refuse.notFound('evidence.file-not-found', { id: fileId });
    await this.files.send(reply, fileId);
  }

  // ---------------------------------------------------------------------------------------------

  private async visibleTo(em: EntityManager, viewer: Viewer | null, scope: BenchmarkScope): Promise<EvidenceVisibility[]> {
    const missionExpert = viewer && hasRole(viewer, 'expert') ? await isMissionExpert(em, scope.id, viewer.userId) : false;
    return visibleEvidence(viewer, scope, missionExpert);
  }

  /** The item and its benchmark, when the caller may see the item; a hidden item is "not found". */
  private async findVisible(em: EntityManager, viewer: Viewer | null, evidenceId: string, lock = false) {
    const [ref] = await em.query(`SELECT benchmark_id FROM evidence WHERE id = $1`, [evidenceId]);
    if (!ref) throw refuse.notFound('evidence.not-found', { id: evidenceId });
    // The benchmark first (as a transition locks it), then the item: one lock order for every writer.
    const scope = await findBenchmarkScope(em, ref.benchmark_id, lock);
    const [row] = await em.query(`SELECT e.id, e.benchmark_id, e.version, ${fieldColumns('e')} FROM evidence e WHERE e.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [evidenceId]);
    const visible = await this.visibleTo(em, viewer, scope);
    if (!row || !visible.includes(row.visibility)) throw refuse.notFound('evidence.not-found', { id: evidenceId });
    const item: EvidenceRow = { id: row.id, benchmarkId: row.benchmark_id, version: row.version, fields: fieldsOf(row) };
    return { scope, item, visible };
  }

  /** As `findVisible`, locked, for a caller who may change it now (403 / 409 otherwise). */
  private async findWritable(em: EntityManager, viewer: Viewer, evidenceId: string) {
    const found = await this.findVisible(em, viewer, evidenceId, em.queryRunner?.isTransactionActive ?? false);
    this.mayWrite(viewer, found.scope);
    return found;
  }

  private mayWrite(viewer: Viewer, scope: BenchmarkScope): void {
    if (!hasRole(viewer, 'ministry') || viewer.countryCode !== scope.countryCode) {
      throw refuse.forbidden('evidence.only-ministry');
    }
    if (scope.state !== 'draft') throw refuse.conflict(READ_ONLY[scope.state]);
  }

  /** Trims and checks the fields: 422 for a blank title, a bad period, a foreign sub-requirement or a non-web link. */
  private async checked(em: EntityManager, scope: BenchmarkScope, fields: EvidenceFields): Promise<EvidenceFields> {
    const title = fields.title.trim();
    if (!title) throw refuse.unprocessable('request.field-empty', { field: 'title' });
    for (const [name, value] of [['periodStart', fields.periodStart], ['periodEnd', fields.periodEnd]] as const) {
      if (value !== null && !isCalendarDay(value)) throw refuse.unprocessable('request.not-a-calendar-day', { field: name });
    }
    if (fields.periodStart && fields.periodEnd && fields.periodStart > fields.periodEnd) {
      throw refuse.unprocessable('evidence.period-ends-before-start');
    }
    const subRequirementIds = [...new Set(fields.subRequirementIds.map((id) => id.toLowerCase()))];
    if (subRequirementIds.length) {
      const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM sub_requirement WHERE benchmark_id = $1 AND id = ANY($2)`, [scope.id, subRequirementIds]);
      if (count !== subRequirementIds.length) throw refuse.unprocessable('evidence.sub-requirement-not-on-benchmark', { code: scope.code });
    }
    const links = fields.links.map((link) => {
      let url: URL;
      try {
        url = new URL(link.url.trim());
      } catch {
        throw refuse.unprocessable('evidence.link-not-an-address', { url: link.url });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse.unprocessable('evidence.link-not-web');
      return { url: url.href, label: link.label.trim() };
    });
    return { ...fields, title, subRequirementIds, links };
  }

  private appendVersion(em: EntityManager, evidenceId: string, version: number, fields: EvidenceFields, authorId: string) {
    return em.query(
      `INSERT INTO evidence_version (evidence_id, version, title, narrative, visibility, period_start, period_end, sub_requirement_ids, links, author_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [evidenceId, version, fields.title, fields.narrative, fields.visibility, fields.periodStart, fields.periodEnd, fields.subRequirementIds, JSON.stringify(fields.links), authorId],
    );
  }

  /** A new version with the same fields (a file was added or removed); returns its number. */
  private async nextVersion(em: EntityManager, item: EvidenceRow, userId: string): Promise<number> {
    const version = item.version + 1;
    await em.query(`UPDATE evidence SET version = $2, updated_at = now(), updated_by = $3 WHERE id = $1`, [item.id, version, userId]);
    await this.appendVersion(em, item.id, version, item.fields, userId);
    return version;
  }

  private async query(em: EntityManager, where: string, values: unknown[]): Promise<EvidenceDto[]> {
    const rows = await em.query(
      `SELECT e.id, e.benchmark_id, e.version, ${fieldColumns('e')},
              e.created_at, e.updated_at, u.display_name AS author, uu.display_name AS updated_by,
              coalesce((SELECT json_agg(${FILE_COLUMNS}) FROM evidence_file f JOIN stored_file s ON s.id = f.stored_file_id JOIN app_user fu ON fu.id = s.uploaded_by
                         WHERE f.evidence_id = e.id AND f.removed_in_version IS NULL), '[]') AS files
         FROM evidence e JOIN app_user u ON u.id = e.author_id LEFT JOIN app_user uu ON uu.id = e.updated_by
        WHERE ${where} ORDER BY e.created_at, e.id`,
      values,
    );
    return rows.map((r: Record<string, any>) => ({
      id: r.id,
      benchmarkId: r.benchmark_id,
      version: r.version,
      ...fieldsOf(r),
      files: (r.files as Record<string, any>[]).map((f) => storedFileDto(f as Parameters<typeof storedFileDto>[0])),
      author: r.author,
      createdAt: new Date(r.created_at).toISOString(),
      updatedBy: r.updated_by ?? r.author,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }
}
