import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { findBenchmarkScope } from '@bt/api/catalogue';
import { type Actor, auditActor, hasRole } from '@bt/api/identity';
import { isMissionExpert, MissionRecommendationsService } from '@bt/api/missions';
import { readsCountryRecords, writesCountryRecords } from '@bt/api/track-records';
import type { CorrectiveMeasureDto, CorrectiveMeasureRequest, RecommendationDto, UpdateCorrectiveMeasureRequest } from '@bt/contracts';
import { MEASURE_SELECT, type MeasureRow, setList } from './action-plan-rows';
import { ActionPlanService } from './action-plan.service';

/**
 * Corrective measures: on a late activity (the ministry of the country or the Commission), or made
 * of a peer-review recommendation once its mission's report is shared (the Commission); and their
 * changes, e.g. done.
 */
@Injectable()
export class CorrectiveMeasuresService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly actionPlan: ActionPlanService,
    private readonly recommendations: MissionRecommendationsService,
  ) {}

  /**
   * Turns a peer-review recommendation into a corrective measure of the Action Plan (the Commission):
   * what, responsible and due date come from it; once its mission's report is shared, and once only.
   */
  async measureFromRecommendation(actor: Actor, id: string): Promise<RecommendationDto> {
    await this.dataSource.transaction(async (em) => {
      const rec = await this.recommendations.recommendationForMeasure(em, actor, id);
      const [existing] = await em.query<{ id: string }[]>(`SELECT id FROM corrective_measure WHERE recommendation_id = $1`, [id]);
      if (existing) throw refuse.conflict('recommendation.measure-already');
      // The measure is the country's to carry out, in its Action Plan: only once it has the report.
      if (!rec.reportShared) throw refuse.unprocessable('recommendation.report-not-shared');
      const [measure] = await em.query<{ id: string }[]>(
        `INSERT INTO corrective_measure (benchmark_id, what, responsible, due_date, created_by, recommendation_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [rec.benchmarkId, rec.text, rec.owner, rec.dueDate, actor.userId, id],
      );
      const recorded = auditActor(actor);
      await this.audit.record(em, recorded, {
        action: 'mission.recommendation_to_corrective_measure',
        entityType: 'mission',
        entityId: rec.missionId,
        data: { recommendationId: id, correctiveMeasureId: measure.id },
      });
      await this.audit.record(em, recorded, {
        action: 'corrective_measure.created',
        entityType: 'benchmark',
        entityId: rec.benchmarkId,
        data: { correctiveMeasureId: measure.id, recommendationId: id },
      });
    });
    return this.recommendations.recommendation(id);
  }

  /** A corrective measure on a late activity (422 while it is not overdue). */
  async addMeasure(actor: Actor, id: string, request: CorrectiveMeasureRequest): Promise<CorrectiveMeasureDto> {
    return this.dataSource.transaction(async (em) => {
      const activity = await this.actionPlan.activityFor(em, actor, id, 'ministry-or-commission');
      if (!activity.overdue) {
        throw activity.status === 'completed'
          ? refuse.unprocessable('action-plan.activity-completed')
          : refuse.unprocessable('action-plan.activity-not-late', { deadline: String(activity.deadline) });
      }
      const what = request.what.trim();
      const responsible = request.responsible.trim();
      if (!what || !responsible) throw refuse.unprocessable('action-plan.what-or-responsible-empty');
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO corrective_measure (activity_id, benchmark_id, what, responsible, due_date, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [id, activity.benchmark_id, what, responsible, request.dueDate, actor.userId],
      );
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.corrective-measure-added',
        entityType: 'benchmark',
        entityId: activity.benchmark_id,
        data: { activityId: id, code: activity.code, measureId: row.id, what, responsible, dueDate: request.dueDate },
      });
      return this.actionPlan.measure(em, row.id);
    });
  }

  async updateMeasure(actor: Actor, id: string, request: UpdateCorrectiveMeasureRequest): Promise<CorrectiveMeasureDto> {
    return this.dataSource.transaction(async (em) => {
      const [before] = await em.query<MeasureRow[]>(`${MEASURE_SELECT} WHERE m.id = $1 FOR UPDATE OF m`, [id]);
      if (!before) throw refuse.notFound('action-plan.measure-not-found', { id });
      const scope = await findBenchmarkScope(em, before.benchmark_id);
      if (!readsCountryRecords(actor, scope, await isMissionExpert(em, scope.id, actor.userId))) throw refuse.notFound('action-plan.measure-not-found', { id });
      if (!writesCountryRecords(actor, scope) && !hasRole(actor, 'commission')) {
        throw refuse.forbidden('action-plan.measures-not-yours');
      }
      const changes: Partial<Record<keyof MeasureRow, unknown>> = {};
      if (request.what !== undefined) changes.what = request.what.trim();
      if (request.responsible !== undefined) changes.responsible = request.responsible.trim();
      if (request.dueDate !== undefined) changes.due_date = request.dueDate;
      if (request.status !== undefined) changes.status = request.status;
      if (Object.values(changes).some((v) => v === '')) throw refuse.unprocessable('action-plan.what-or-responsible-empty');
      const columns = Object.keys(changes) as (keyof MeasureRow)[];
      if (columns.length) {
        await em.query(`UPDATE corrective_measure SET ${setList(changes)}, updated_at = now() WHERE id = $1`, [id, ...Object.values(changes)]);
      }
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.corrective-measure-updated',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { measureId: id, activityId: before.activity_id, changed: Object.fromEntries(columns.map((c) => [c, { from: before[c], to: changes[c] }])) },
      });
      return this.actionPlan.measure(em, id);
    });
  }
}
