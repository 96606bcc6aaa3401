import { Injectable, type StreamableFile } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { FilesService, type Upload } from '@bt/api/files';
import type { EvidenceDto } from '@bt/contracts';
import { type Actor, auditActor, type Viewer } from '@bt/api/identity';
import { appendVersion, type EvidenceItem } from './evidence-rows';
import { EVIDENCE_FILE_KINDS, EvidenceService } from './evidence.service';

/** The files of evidence: each added or removed one a new version of the item; downloads to whoever may see a version with the file. */
@Injectable()
export class EvidenceFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly evidence: EvidenceService,
  ) {}

  /** Access to add a file, decided before any byte is stored (404 / 403 / 409). */
  async checkMayAddFile(viewer: Viewer, evidenceId: string): Promise<void> {
    await this.evidence.findWritable(this.dataSource.manager, viewer, evidenceId);
  }

  /** Records an upload as a new version of the item with this file added. */
  async addFile(actor: Actor, evidenceId: string, upload: Upload | undefined): Promise<EvidenceDto> {
    await this.checkMayAddFile(actor, evidenceId);
    const received = await this.files.receive(upload, EVIDENCE_FILE_KINDS);
    return this.files.keepIf(received, () =>
      this.dataSource.transaction(async (em) => {
        // Checked again under the locks: the benchmark may have been submitted during the upload.
        const { scope, item } = await this.evidence.findWritable(em, actor, evidenceId);
        const stored = await this.files.record(em, received, actor.userId);
        const version = await nextVersion(em, item, actor.userId);
        await em.query(`INSERT INTO evidence_file (evidence_id, stored_file_id, added_in_version) VALUES ($1, $2, $3)`, [item.id, stored.id, version]);
        await this.audit.record(em, auditActor(actor), {
          action: 'evidence.file_added',
          entityType: 'benchmark',
          entityId: scope.id,
          data: { evidenceId: item.id, version, fileId: stored.id, fileName: stored.fileName, kind: stored.kind, sha256: stored.sha256, size: stored.size },
        });
        return this.evidence.one(actor, evidenceId, em);
      }),
    );
  }

  /** A new version without the file; the file stays readable in the earlier versions. */
  async removeFile(actor: Actor, evidenceId: string, fileId: string): Promise<EvidenceDto> {
    return this.dataSource.transaction(async (em) => {
      const { scope, item } = await this.evidence.findWritable(em, actor, evidenceId);
      const [file] = await em.query<{ file_name: string }[]>(
        `SELECT s.file_name FROM evidence_file f JOIN stored_file s ON s.id = f.stored_file_id WHERE f.evidence_id = $1 AND f.stored_file_id = $2 AND f.removed_in_version IS NULL`,
        [item.id, fileId],
      );
      if (!file) throw refuse.notFound('evidence.file-not-in-current-version', { id: fileId });
      const version = await nextVersion(em, item, actor.userId);
      await em.query(`UPDATE evidence_file SET removed_in_version = $3 WHERE evidence_id = $1 AND stored_file_id = $2`, [item.id, fileId, version]);
      await this.audit.record(em, auditActor(actor), {
        action: 'evidence.file_removed',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { evidenceId: item.id, version, fileId, fileName: file.file_name },
      });
      return this.evidence.one(actor, evidenceId, em);
    });
  }

  /** A file of a version the caller may see, as an attachment (404 for anyone else). */
  async download(viewer: Viewer | null, evidenceId: string, fileId: string): Promise<StreamableFile> {
    const em = this.dataSource.manager;
    const { visible } = await this.evidence.findVisible(em, viewer, evidenceId);
    const [seen] = await em.query<unknown[]>(
      `SELECT 1 FROM evidence_file f JOIN evidence_version v ON v.evidence_id = f.evidence_id
          AND v.version >= f.added_in_version AND (f.removed_in_version IS NULL OR v.version < f.removed_in_version)
        WHERE f.evidence_id = $1 AND f.stored_file_id = $2 AND v.visibility = ANY($3) LIMIT 1`,
      [evidenceId, fileId, visible],
    );
    if (!seen) throw refuse.notFound('evidence.file-not-found', { id: fileId });
    return this.files.download(fileId);
  }
}

/** A new version with the same fields (a file was added or removed); returns its number. */
async function nextVersion(em: EntityManager, item: EvidenceItem, userId: string): Promise<number> {
  const version = item.version + 1;
  await em.query(`UPDATE evidence SET version = $2, updated_at = now(), updated_by = $3 WHERE id = $1`, [item.id, version, userId]);
  await appendVersion(em, item.id, version, item.fields, userId);
  return version;
}
