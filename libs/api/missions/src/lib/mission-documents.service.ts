import { Injectable, type StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { FilesService, type Upload } from '@bt/api/files';
import type { MissionDetailDto, MissionDto } from '@bt/contracts';
import { type Actor, auditActor, type Viewer } from '@bt/api/identity';
import { latestMissionSql } from './mission-scope';
import { MissionsService } from './missions.service';

/** A report is a document: PDF, DOCX or ODT. */
const REPORT_KINDS = ['pdf', 'docx', 'odt'] as const;

/**
 * A mission's documents: its terms of reference (the Commission's), its report (the experts' and the
 * Commission's until the Commission shares it with the ministry of the mission's country), and their downloads.
 */
@Injectable()
export class MissionDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly missions: MissionsService,
  ) {}

  /** Stores the mission's terms of reference (the Commission); a new upload replaces the reference, the old file stays in storage. */
  async uploadTermsOfReference(actor: Actor, id: string, file: Upload | undefined): Promise<MissionDetailDto> {
    const { access } = await this.missions.load(this.dataSource.manager, actor, id);
    if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
    const received = await this.files.receive(file, REPORT_KINDS);
    return this.files.keepIf(received, () =>
      this.dataSource.transaction(async (em) => {
        await this.missions.load(em, actor, id, true);
        const stored = await this.files.record(em, received, actor.userId);
        await em.query(`UPDATE mission SET tor_file_id = $2 WHERE id = $1`, [id, stored.id]);
        await this.audit.record(em, auditActor(actor), {
          action: 'mission.terms_of_reference',
          entityType: 'mission',
          entityId: id,
          data: { fileId: stored.id, fileName: stored.fileName, sha256: stored.sha256 },
        });
        return this.missions.detail(actor, id, em);
      }),
    );
  }

  /** Stores the mission report (an assigned expert or the Commission). */
  async uploadReport(actor: Actor, missionId: string, file: Upload | undefined): Promise<MissionDto> {
    const { access } = await this.missions.load(this.dataSource.manager, actor, missionId);
    if (access === 'host') throw refuse.notFound('mission.not-found', { id: missionId });
    const received = await this.files.receive(file, REPORT_KINDS);
    return this.files.keepIf(received, () =>
      this.dataSource.transaction(async (em) => {
        const { row: locked } = await this.missions.load(em, actor, missionId, true);
        if (locked.report_shared_at) throw refuse.conflict('mission.report-shared-not-replaced');
        if (locked.benchmark_id) {
          // A mission the workflow planned: its report belongs to the benchmark's peer review, before the mission reports.
          const [b] = await em.query<{ state: string; stage: string | null }[]>(
            `SELECT state, snapshot->'value'->>'peerReview' AS stage FROM benchmark WHERE id = $1 FOR SHARE`,
            [locked.benchmark_id],
          );
          const [latest] = await em.query<{ mission_id: string }[]>(`SELECT ${latestMissionSql('$1::uuid', 'm.id')} AS mission_id`, [locked.benchmark_id]);
          if (latest.mission_id !== missionId) throw refuse.conflict('mission.not-current');
          if (b.state !== 'peerReview' || b.stage === 'reported') throw refuse.conflict('mission.report-not-now');
        }
        const stored = await this.files.record(em, received, actor.userId);
        await em.query(`UPDATE mission SET report_file_id = $2, report_submitted_at = now() WHERE id = $1`, [missionId, stored.id]);
        const data = { missionId, fileId: stored.id, fileName: stored.fileName, sha256: stored.sha256, size: stored.size };
        await this.audit.record(em, auditActor(actor), { action: 'mission.report_uploaded', entityType: 'mission', entityId: missionId, data });
        // The benchmark's history shows it too (the workflow page reads the benchmark's audit events).
        if (locked.benchmark_id)
          await this.audit.record(em, auditActor(actor), { action: 'mission.report_uploaded', entityType: 'benchmark', entityId: locked.benchmark_id, data });
        return this.asMissionDto(await this.missions.detail(actor, missionId, em));
      }),
    );
  }

  private asMissionDto(d: MissionDetailDto): MissionDto {
    return {
      id: d.id,
      startDate: d.startDate,
      endDate: d.endDate,
      experts: d.experts,
      report: d.report && { fileName: d.report.fileName, sha256: d.report.sha256, size: d.report.size, uploadedAt: d.report.submittedAt },
    };
  }

  /** The report, as an attachment: the Commission and the experts; the country's ministry once shared. */
  async report(viewer: Viewer, id: string): Promise<StreamableFile> {
    const [row] = await this.dataSource.query<{ report_file_id: string | null; report_shared_at: Date | null }[]>(
      `SELECT report_file_id, report_shared_at FROM mission WHERE id = $1`,
      [id],
    );
    const access = row
      ? await this.missions.load(this.dataSource.manager, viewer, id).then(
          (l) => l.access,
          () => null,
        )
      : null;
    if (!row?.report_file_id || !access || (access === 'host' && !row.report_shared_at)) throw refuse.notFound('mission.report-not-found', { id });
    return this.files.download(row.report_file_id);
  }

  /** The terms of reference, as an attachment, to whoever sees the mission. */
  async termsOfReference(viewer: Viewer, id: string): Promise<StreamableFile> {
    const { row } = await this.missions.load(this.dataSource.manager, viewer, id);
    if (!row.tor_file_id) throw refuse.notFound('mission.terms-of-reference-not-found', { id });
    return this.files.download(row.tor_file_id);
  }

  /** The Commission shares the report with the ministry of the mission's country. */
  async shareReport(actor: Actor, id: string): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.missions.load(em, actor, id, true);
      if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
      if (!row.report_file_id) throw refuse.unprocessable('mission.no-report-to-share');
      if (row.report_shared_at) throw refuse.conflict('mission.report-shared-already');
      await em.query(`UPDATE mission SET report_shared_at = now(), report_shared_by = $2 WHERE id = $1`, [id, actor.userId]);
      await this.audit.record(em, auditActor(actor), {
        action: 'mission.report_shared',
        entityType: 'mission',
        entityId: id,
        data: { countryCode: row.country_code.trim() },
      });
      return this.missions.detail(actor, id, em);
    });
  }
}
