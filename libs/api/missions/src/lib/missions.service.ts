import { join } from 'node:path';
import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { findBenchmarkScope } from '@bt/api/catalogue';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import type { ExpertDto, MissionDto, MissionPlanRequest } from '@bt/contracts';
import { actorOfViewer, hasRole, type Viewer } from '@bt/api/identity';
import { storeUpload } from './uploaded-file';

/** The minimal peer-review mission the workflow needs: dates, assigned experts, the report document. */
@Injectable()
export class MissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Plans a mission inside START_PEER_REVIEW's transaction; every expert must hold the expert role. */
  async plan(em: EntityManager, benchmarkId: string, plan: MissionPlanRequest): Promise<string> {
    const experts = await em.query(`SELECT DISTINCT r.user_id FROM role_assignment r JOIN app_user u ON u.id = r.user_id WHERE r.role = 'expert' AND u.disabled_at IS NULL AND r.user_id = ANY($1)`, [plan.expertIds]);
    if (experts.length !== new Set(plan.expertIds).size) throw new UnprocessableEntityException('every assigned expert must be an active user with the expert role');
    const [mission] = await em.query(`INSERT INTO mission (benchmark_id, start_date, end_date) VALUES ($1, $2, $3) RETURNING id`, [benchmarkId, plan.startDate, plan.endDate]);
    for (const { user_id } of experts) await em.query(`INSERT INTO mission_expert (mission_id, user_id) VALUES ($1, $2)`, [mission.id, user_id]);
    return mission.id;
  }

  /** The benchmark's latest mission, or null. */
  async current(em: EntityManager, benchmarkId: string): Promise<MissionDto | null> {
    const [m] = await em.query(
      `SELECT m.*, coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name)
                               FROM mission_expert x JOIN app_user u ON u.id = x.user_id WHERE x.mission_id = m.id), '[]') AS experts
         FROM mission m WHERE m.benchmark_id = $1 ORDER BY m.created_at DESC LIMIT 1`,
      [benchmarkId],
    );
    if (!m) return null;
    const day = (d: Date | string) => (typeof d === 'string' ? d : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10));
    return {
      id: m.id,
      startDate: day(m.start_date),
      endDate: day(m.end_date),
      experts: m.experts,
      report: m.report_storage_key ? { fileName: m.report_file_name, sha256: m.report_sha256, size: m.report_size, uploadedAt: new Date(m.report_uploaded_at).toISOString() } : null,
    };
  }

  /** Stores the report of the benchmark's current mission (an assigned expert or the Commission, during peer review). */
  async uploadReport(viewer: Viewer, missionId: string, file: MultipartFile | undefined, ip: string): Promise<MissionDto> {
    const [row] = await this.dataSource.query(`SELECT benchmark_id FROM mission WHERE id = $1`, [missionId]);
    if (!row) throw new NotFoundException(`No mission ${missionId}`);
    const em = this.dataSource.manager;
    const current = await this.current(em, row.benchmark_id);
    const assigned = !!current?.experts.some((e) => e.id === viewer.userId);
    if (!hasRole(viewer, 'commission') && !assigned) throw new NotFoundException(`No mission ${missionId}`);
    if (current?.id !== missionId) throw new ConflictException('This mission is not the current one of its benchmark.');
    if (!file) throw new UnprocessableEntityException('Send the report as a multipart field named "file".');
    const stored = await storeUpload(file, this.config.filesDir);
    try {
      await this.dataSource.transaction(async (tx) => {
        const scope = await findBenchmarkScope(tx, row.benchmark_id, true);
        const [{ stage }] = await tx.query(`SELECT snapshot->'value'->>'peerReview' AS stage FROM benchmark WHERE id = $1`, [scope.id]);
        // Once reported, the report is what the mission said: it is not replaced behind the reviewers' backs.
        if (scope.state !== 'peerReview' || stage === 'reported') {
          throw new ConflictException('A mission report is uploaded during the peer review, before the mission reports.');
        }
        await tx.query(
          `UPDATE mission SET report_file_name = $2, report_media_type = $3, report_sha256 = $4, report_size = $5, report_storage_key = $6, report_uploaded_by = $7, report_uploaded_at = now() WHERE id = $1`,
          [missionId, stored.fileName, stored.mediaType, stored.sha256, stored.size, stored.storageKey, viewer.userId],
        );
        await this.audit.record(tx, actorOfViewer(viewer, ip), { action: 'mission.report_uploaded', entityType: 'benchmark', entityId: scope.id, data: { missionId, fileName: stored.fileName, sha256: stored.sha256, size: stored.size } });
      });
    } catch (error) {
      await stored.discard();
      throw error;
    }
    return (await this.current(em, row.benchmark_id)) as MissionDto;
  }

  /** The report file, for the Commission and the mission's experts only. */
  async reportFile(viewer: Viewer, missionId: string): Promise<{ path: string; fileName: string; mediaType: string }> {
    const [m] = await this.dataSource.query(`SELECT benchmark_id, report_storage_key, report_file_name, report_media_type FROM mission WHERE id = $1`, [missionId]);
    const assigned = m ? (await this.dataSource.query(`SELECT 1 FROM mission_expert WHERE mission_id = $1 AND user_id = $2`, [missionId, viewer.userId])).length > 0 : false;
    if (!m || (!hasRole(viewer, 'commission') && !assigned) || !m.report_storage_key) throw new NotFoundException(`No report for mission ${missionId}`);
    return { path: join(this.config.filesDir, m.report_storage_key), fileName: m.report_file_name, mediaType: m.report_media_type };
  }

  /** The experts the Commission can assign to a mission. */
  async experts(): Promise<ExpertDto[]> {
    const rows = await this.dataSource.query(
      `SELECT u.id, u.display_name, o.name AS organisation, o.member_state FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.disabled_at IS NULL AND EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.role = 'expert') ORDER BY u.display_name`,
    );
    return rows.map((r: Record<string, any>) => ({ id: r.id, displayName: r.display_name, organisation: r.organisation, memberState: r.member_state?.trim() ?? null }));
  }
}

