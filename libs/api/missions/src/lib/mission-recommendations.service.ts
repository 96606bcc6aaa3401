import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse, sql } from '@bt/api/core';
import type { MissionRecommendationRequest, RecommendationDto, RecommendationFollowUpRequest } from '@bt/contracts';
import { type Actor, auditActor, type Viewer } from '@bt/api/identity';
import type { MissionAccess } from './mission-access';
import { type MissionRow, type RecommendationRow, scopeBenchmark } from './mission-rows';
import { MissionsService } from './missions.service';

/**
 * A mission's recommendations: written on a benchmark of the scope, followed up (status, note, the
 * evidence that answers it), and read by the Action Plan when the Commission turns one into a corrective measure.
 */
@Injectable()
export class MissionRecommendationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly missions: MissionsService,
  ) {}

  /** Adds a recommendation on a benchmark of the scope (the Commission or an expert of the mission). */
  async addRecommendation(actor: Actor, id: string, request: MissionRecommendationRequest): Promise<RecommendationDto> {
    const recommendationId = await this.dataSource.transaction(async (em) => {
      const { row, access } = await this.missions.load(em, actor, id, true);
      if (access === 'host') throw refuse.notFound('mission.not-found', { id });
      const benchmarkId = scopeBenchmark(row, request.benchmark);
      const [r] = await em.query<{ id: string }[]>(
        `INSERT INTO mission_recommendation (mission_id, benchmark_id, text, owner, due_date) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [id, benchmarkId, request.text.trim(), request.owner.trim(), request.dueDate],
      );
      await this.audit.record(em, auditActor(actor), {
        action: 'mission.recommendation_added',
        entityType: 'mission',
        entityId: id,
        data: { recommendationId: r.id, benchmarkId, owner: request.owner.trim(), dueDate: request.dueDate },
      });
      return r.id;
    });
    return (await this.missions.recommendations(this.dataSource.manager, sql`r.id = ${recommendationId}`))[0];
  }

  /** The recommendation with its mission, as this caller may see it (404 otherwise: a host sees it only once the report is shared). */
  private async loadRecommendation(
    em: EntityManager,
    viewer: Viewer,
    id: string,
    lock: boolean,
  ): Promise<{ rec: RecommendationRow; mission: MissionRow; access: MissionAccess }> {
    const [rec] = await em.query<RecommendationRow[]>(`SELECT * FROM mission_recommendation WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    if (!rec) throw refuse.notFound('recommendation.not-found', { id });
    const { row, access } = await this.missions.load(em, viewer, rec.mission_id).catch(() => {
      throw refuse.notFound('recommendation.not-found', { id });
    });
    if (access === 'host' && !row.report_shared_at) throw refuse.notFound('recommendation.not-found', { id });
    return { rec, mission: row, access };
  }

  /** The follow-up: status, note and the evidence that answers it (the Commission; the country's ministry once the report is shared). */
  async followUp(actor: Actor, id: string, request: RecommendationFollowUpRequest): Promise<RecommendationDto> {
    await this.dataSource.transaction(async (em) => {
      const { rec, access } = await this.loadRecommendation(em, actor, id, true);
      if (access === 'expert') throw refuse.forbidden('recommendation.follow-up-not-yours');
      if (request.evidenceIds) {
        const ids = [...new Set(request.evidenceIds)];
        // Evidence of the recommendation's benchmark that reviewers can see (not the ministry's internal drafts).
        const found = await em.query<{ id: string }[]>(
          `SELECT id FROM evidence WHERE id = ANY($1) AND benchmark_id = $2 AND visibility IN ('shared', 'public')`,
          [ids, rec.benchmark_id],
        );
        if (found.length !== ids.length) throw refuse.unprocessable('recommendation.evidence-not-shared');
        await em.query(`DELETE FROM recommendation_evidence WHERE recommendation_id = $1`, [id]);
        if (ids.length) await em.query(`INSERT INTO recommendation_evidence (recommendation_id, evidence_id) SELECT $1, unnest($2::uuid[])`, [id, ids]);
      }
      await em.query(
        `UPDATE mission_recommendation SET status = coalesce($2, status), follow_up_note = coalesce($3, follow_up_note), updated_at = now() WHERE id = $1`,
        [id, request.status ?? null, request.followUpNote ?? null],
      );
      await this.audit.record(em, auditActor(actor), {
        action: 'mission.recommendation_followed_up',
        entityType: 'mission',
        entityId: rec.mission_id,
        data: { recommendationId: id, from: rec.status, status: request.status ?? rec.status, evidenceIds: request.evidenceIds ?? null },
      });
    });
    return (await this.missions.recommendations(this.dataSource.manager, sql`r.id = ${id}`))[0];
  }

  /**
   * A recommendation as the Commission turns it into a corrective measure (the Action Plan owns the
   * measure and writes it): locked, with whether its mission's report is shared; 404 for anyone else.
   */
  async recommendationForMeasure(
    em: EntityManager,
    viewer: Viewer,
    id: string,
  ): Promise<{ missionId: string; benchmarkId: string; text: string; owner: string | null; dueDate: string | null; reportShared: boolean }> {
    const { rec, mission, access } = await this.loadRecommendation(em, viewer, id, true);
    if (access !== 'commission') throw refuse.notFound('recommendation.not-found', { id });
    return {
      missionId: rec.mission_id,
      benchmarkId: rec.benchmark_id,
      text: rec.text,
      owner: rec.owner,
      dueDate: rec.due_date,
      reportShared: !!mission.report_shared_at,
    };
  }

  /** One recommendation as the mission page shows it. */
  async recommendation(id: string): Promise<RecommendationDto> {
    return (await this.missions.recommendations(this.dataSource.manager, sql`r.id = ${id}`))[0];
  }
}
