import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { findBenchmarkScope } from '@bt/api/catalogue';
import { type Actor, auditActor, hasRole, type Viewer } from '@bt/api/identity';
import { isMissionExpert, MissionRecommendationsService, missionSeenParams, missionSeenSql } from '@bt/api/missions';
import { budgetOf } from './activity-budget';
import { countryRecordsVisibleSql, readsCountryRecords, writesCountryRecords } from '@bt/api/track-records';
import {
  ACTIVITY_STATUSES,
  type ActionActivityDto,
  type ActionPlanQuery,
  type ActionPlanSummaryDto,
  type ActivityProgressNoteDto,
  type ActivityStatus,
  type CorrectiveMeasureDto,
  type CorrectiveMeasureRequest,
  type CreateActivityRequest,
  type ProgressNoteRequest,
  type RecommendationDto,
  type RecommendationMeasureDto,
  type UpdateActivityRequest,
  type UpdateCorrectiveMeasureRequest,
} from '@bt/contracts';

/** Overdue is computed, never stored: the deadline has passed and the activity is not completed. */
const OVERDUE_SQL = `(act.deadline < CURRENT_DATE AND act.status <> 'completed')`;

const ACTIVITY_COLUMNS = `act.id, act.benchmark_id, b.code AS benchmark_code, a.country_code, a.code AS area_code, a.title AS area_title,
  act.code, act.title, act.responsible_institution, to_char(act.deadline, 'YYYY-MM-DD') AS deadline, act.budget_amount, act.budget_currency,
  act.budget_source, act.status, act.version, ${OVERDUE_SQL} AS overdue`;

interface ActivityRow {
  id: string;
  benchmark_id: string;
  country_code: string;
  status: ActivityStatus;
  version: number;
  overdue: boolean;
  [column: string]: any;
}

/** The national Action Plan: activities per benchmark, their progress notes, and corrective measures on late ones. */
@Injectable()
export class ActionPlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly recommendations: MissionRecommendationsService,
  ) {}

  /** The activities this viewer may see, filtered; oldest deadline first. */
  async list(viewer: Viewer, query: ActionPlanQuery): Promise<ActionActivityDto[]> {
    const em = this.dataSource.manager;
    const { where, params } = this.filters(viewer, query);
    const rows: ActivityRow[] = await em.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id JOIN area a ON a.id = b.area_id
        WHERE ${where} ORDER BY act.deadline, b.code, act.code LIMIT 1000`,
      params,
    );
    return this.withDetails(em, rows);
  }

  /**
   * The unfinished activities of the ministry's own country whose deadline falls within `days` of
   * `now` (not yet overdue: those are counted and flagged already), soonest first, at most `limit`.
   */
  async dueSoon(viewer: Viewer, now: Date, days: number, limit: number): Promise<{ id: string; code: string; title: string; benchmark_code: string; deadline: string }[]> {
    if (!hasRole(viewer, 'ministry') || !viewer.countryCode) return [];
    return this.dataSource.query(
      `SELECT act.id, act.code, act.title, b.code AS benchmark_code, to_char(act.deadline, 'YYYY-MM-DD') AS deadline
         FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id JOIN area a ON a.id = b.area_id
        WHERE a.country_code = $1 AND act.status <> 'completed' AND act.deadline >= $2::date AND act.deadline <= $2::date + $3::int
        ORDER BY act.deadline, b.code, act.code LIMIT $4`,
      [viewer.countryCode, now.toISOString().slice(0, 10), days, limit],
    );
  }

  private filters(viewer: Viewer, query: Pick<ActionPlanQuery, 'country' | 'area' | 'benchmark' | 'status' | 'institution' | 'overdue'>) {
    const visible = countryRecordsVisibleSql(viewer, 'b.id', 'a.country_code', 1);
    const params: unknown[] = [...visible.params];
    const where = [visible.sql];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.country) add((p) => `a.country_code = ${p}`, query.country);
    if (query.area) add((p) => `a.code = ${p}`, query.area);
    if (query.benchmark) add((p) => `b.code = ${p}`, query.benchmark);
    if (query.status) add((p) => `act.status = ${p}`, query.status);
    if (query.institution?.trim()) add((p) => `act.responsible_institution ILIKE ${p}`, `%${query.institution.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (query.overdue === true) where.push(OVERDUE_SQL);
    if (query.overdue === false) where.push(`NOT ${OVERDUE_SQL}`);
    return { where: where.join(' AND '), params };
  }

  private async withDetails(em: EntityManager, rows: ActivityRow[]): Promise<ActionActivityDto[]> {
    const ids = rows.map((r) => r.id);
    const notes: (ActivityProgressNoteDto & { activity_id: string })[] = ids.length
      ? await em.query(
          `SELECT n.activity_id, n.id, n.text, u.display_name AS author, n.created_at AS "createdAt" FROM activity_progress_note n JOIN app_user u ON u.id = n.author_id
            WHERE n.activity_id = ANY($1) ORDER BY n.created_at, n.id`,
          [ids],
        )
      : [];
    const measures: Record<string, any>[] = ids.length ? await em.query(`${MEASURE_SELECT} WHERE m.activity_id = ANY($1) ORDER BY m.created_at, m.id`, [ids]) : [];
    return rows.map((r) => ({
      id: r.id,
      benchmarkId: r.benchmark_id,
      benchmarkCode: r['benchmark_code'],
      country: r.country_code.trim(),
      area: { code: r['area_code'], title: r['area_title'] },
      code: r['code'],
      title: r['title'],
      responsibleInstitution: r['responsible_institution'],
      deadline: r['deadline'],
      budget: r['budget_amount'] === null ? null : { amount: Number(r['budget_amount']), currency: r['budget_currency'], source: r['budget_source'] },
      status: r.status,
      overdue: r.overdue,
      version: r.version,
      progressNotes: notes.filter((n) => n.activity_id === r.id).map(({ id, text, author, createdAt }) => ({ id, text, author, createdAt: new Date(createdAt).toISOString() })),
      correctiveMeasures: measures.filter((m) => m['activity_id'] === r.id).map(measureDto),
    }));
  }

  /**
   * The corrective measures made of peer-review recommendations (they have no activity), as far as
   * this viewer may see the country's records, filtered by country, area and benchmark.
   */
  async recommendationMeasures(viewer: Viewer, query: Pick<ActionPlanQuery, 'country' | 'area' | 'benchmark'>): Promise<RecommendationMeasureDto[]> {
    // Only the filters that apply to a measure (status, institution and overdue are an activity's).
    const { where, params } = this.filters(viewer, { country: query.country, area: query.area, benchmark: query.benchmark });
    // The mission is named to those who see it (as its own page decides): the Commission, its experts, the host ministry.
    const seesMission = missionSeenSql('mi', params.length + 1);
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT ${MEASURE_COLUMNS}, b.code AS benchmark_code, a.country_code, a.code AS area_code, a.title AS area_title,
              r.status AS recommendation_status, CASE WHEN ${seesMission} THEN json_build_object('id', mi.id, 'title', coalesce(nullif(mi.title, ''), b.code)) END AS mission
         FROM corrective_measure m JOIN app_user u ON u.id = m.created_by
         JOIN mission_recommendation r ON r.id = m.recommendation_id JOIN mission mi ON mi.id = r.mission_id
         JOIN benchmark b ON b.id = m.benchmark_id JOIN area a ON a.id = b.area_id
        WHERE m.activity_id IS NULL AND ${where} ORDER BY m.due_date, b.code, m.created_at LIMIT 1000`,
      [...params, ...missionSeenParams(viewer)],
    );
    return rows.map((r) => ({
      ...measureDto(r),
      benchmarkCode: r['benchmark_code'],
      country: r['country_code'].trim(),
      area: { code: r['area_code'], title: r['area_title'] },
      mission: r['mission'] ?? null,
      recommendationStatus: r['recommendation_status'],
    }));
  }

  /**
   * The dashboard's counts over the activities this viewer may see, in one statement. The Commission
   * and a country's ministry and CSOs see whole countries: their counts come from action_plan_tally
   * (per area, status and deadline); an expert sees the benchmarks of their missions, counted one by one.
   */
  async summary(viewer: Viewer, country: string | undefined): Promise<ActionPlanSummaryDto> {
    const commission = hasRole(viewer, 'commission');
    const ownCountry = hasRole(viewer, 'ministry', 'civil_society') ? viewer.countryCode : null;
    const whole = commission || (ownCountry !== null && !hasRole(viewer, 'expert'));
    const counts = `sum(x.n)::int AS total, (sum(x.n) FILTER (WHERE ${OVERDUE_SQL.replaceAll('act.', 'x.')}))::int AS overdue,
                    ${ACTIVITY_STATUSES.map((st) => `(sum(x.n) FILTER (WHERE x.status = '${st}'))::int AS "${st}"`).join(', ')}`;
    let rows: Record<string, any>[];
    if (whole) {
      const visible = `($1::boolean OR a.country_code = $2) AND ($3::text IS NULL OR a.country_code = $3)`;
      rows = await this.dataSource.query(
        `SELECT x.code, x.title, GROUPING(x.code) AS everything, ${counts},
                CASE WHEN GROUPING(x.code) = 1 THEN (SELECT count(DISTINCT m.activity_id)::int FROM corrective_measure m
                  JOIN benchmark b ON b.id = m.benchmark_id JOIN area a ON a.id = b.area_id WHERE m.activity_id IS NOT NULL AND ${visible}) END AS with_measure
           FROM (SELECT a.code, a.title, a.position, t.status, t.deadline, t.activities AS n
                   FROM action_plan_tally t JOIN area a ON a.id = t.area_id WHERE t.activities > 0 AND ${visible}) x
          GROUP BY GROUPING SETS ((x.code, x.title, x.position), ()) ORDER BY GROUPING(x.code), x.position, x.code`,
        [commission, ownCountry, country ?? null],
      );
    } else {
      const { where, params } = this.filters(viewer, { country });
      rows = await this.dataSource.query(
        `SELECT x.code, x.title, GROUPING(x.code) AS everything, ${counts}, count(*) FILTER (WHERE x.measured)::int AS with_measure
           FROM (SELECT a.code, a.title, a.position, act.status, act.deadline, 1 AS n,
                        EXISTS (SELECT 1 FROM corrective_measure m WHERE m.activity_id = act.id) AS measured
                   FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id JOIN area a ON a.id = b.area_id WHERE ${where}) x
          GROUP BY GROUPING SETS ((x.code, x.title, x.position), ()) ORDER BY GROUPING(x.code), x.position, x.code`,
        params,
      );
    }
    const totals = rows.find((r) => r['everything'] === 1) ?? {};
    const areas = rows.filter((r) => r['everything'] === 0);
    return {
      total: totals['total'] ?? 0,
      byStatus: Object.fromEntries(ACTIVITY_STATUSES.map((st) => [st, totals[st] ?? 0])) as Record<ActivityStatus, number>,
      overdue: totals['overdue'] ?? 0,
      withCorrectiveMeasure: totals['with_measure'] ?? 0,
      areas: areas.map((r) => ({ code: r['code'], title: r['title'], total: r['total'], completed: r['completed'] ?? 0, overdue: r['overdue'] ?? 0 })),
    };
  }

  async create(actor: Actor, benchmarkRef: string, request: CreateActivityRequest): Promise<ActionActivityDto> {
    return this.dataSource.transaction(async (em) => {
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      if (!readsCountryRecords(actor, scope, await isMissionExpert(em, scope.id, actor.userId))) throw refuse.notFound('benchmark.not-found', { ref: benchmarkRef });
      if (!writesCountryRecords(actor, scope)) throw refuse.forbidden('action-plan.only-ministry-plans');
      const budget = budgetOf(request.budgetAmount, request.budgetCurrency, request.budgetSource);
      if (budget === 'partial') throw refuse.unprocessable('action-plan.budget-partial');
      const title = request.title.trim();
      const institution = request.responsibleInstitution.trim();
      if (!title || !institution) throw refuse.unprocessable('action-plan.title-or-institution-empty');
      const [row] = await em.query(
        `INSERT INTO action_activity (benchmark_id, code, title, responsible_institution, deadline, budget_amount, budget_currency, budget_source, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (benchmark_id, code) DO NOTHING RETURNING id`,
        [scope.id, request.code, title, institution, request.deadline, budget?.[0] ?? null, budget?.[1] ?? null, budget?.[2] ?? null, request.status ?? 'planned', actor.userId],
      );
      if (!row) throw refuse.conflict('action-plan.activity-code-taken', { code: request.code });
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.activity-created',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { activityId: row.id, code: request.code, title, responsibleInstitution: institution, deadline: request.deadline, status: request.status ?? 'planned', budget },
      });
      return this.one(em, row.id);
    });
  }

  private async one(em: EntityManager, id: string): Promise<ActionActivityDto> {
    const rows = await em.query(`SELECT ${ACTIVITY_COLUMNS} FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id JOIN area a ON a.id = b.area_id WHERE act.id = $1`, [id]);
    return (await this.withDetails(em, rows))[0];
  }

  /** The activity, locked, if this viewer may see it (404 otherwise); `write` says who may change it (403 otherwise). */
  private async activityFor(em: EntityManager, viewer: Viewer, id: string, write: 'ministry' | 'ministry-or-commission'): Promise<ActivityRow> {
    const [row]: ActivityRow[] = await em.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM action_activity act JOIN benchmark b ON b.id = act.benchmark_id JOIN area a ON a.id = b.area_id WHERE act.id = $1 FOR UPDATE OF act`,
      [id],
    );
    const scope = row && { countryCode: row.country_code.trim() };
    if (!row || !readsCountryRecords(viewer, scope, await isMissionExpert(em, row.benchmark_id, viewer.userId))) throw refuse.notFound('action-plan.activity-not-found', { id });
    const mayWrite = writesCountryRecords(viewer, scope) || (write === 'ministry-or-commission' && hasRole(viewer, 'commission'));
    if (!mayWrite) {
      throw refuse.forbidden(write === 'ministry' ? 'action-plan.only-ministry-updates' : 'action-plan.measures-not-yours');
    }
    return row;
  }

  async update(actor: Actor, id: string, request: UpdateActivityRequest): Promise<ActionActivityDto> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.activityFor(em, actor, id, 'ministry');
      if (before.version !== request.version) throw refuse.conflict('action-plan.activity-changed-meanwhile', { current: before.version, sent: request.version });
      const changes: Record<string, unknown> = {};
      if (request.title !== undefined) changes['title'] = request.title.trim();
      if (request.responsibleInstitution !== undefined) changes['responsible_institution'] = request.responsibleInstitution.trim();
      if (request.deadline !== undefined) changes['deadline'] = request.deadline;
      if (request.status !== undefined) changes['status'] = request.status;
      if (request.budgetAmount !== undefined || request.budgetCurrency !== undefined || request.budgetSource !== undefined) {
        const budget = budgetOf(
          request.budgetAmount ?? (before['budget_amount'] === null ? undefined : Number(before['budget_amount'])),
          request.budgetCurrency ?? before['budget_currency'] ?? undefined,
          request.budgetSource ?? before['budget_source'] ?? undefined,
        );
        if (budget === 'partial') throw refuse.unprocessable('action-plan.budget-partial');
        Object.assign(changes, { budget_amount: budget?.[0] ?? null, budget_currency: budget?.[1] ?? null, budget_source: budget?.[2] ?? null });
      }
      if (Object.values(changes).some((v) => v === '')) throw refuse.unprocessable('action-plan.title-or-institution-empty');
      const columns = Object.keys(changes);
      await em.query(
        `UPDATE action_activity SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}${columns.length ? ', ' : ''}version = version + 1, updated_at = now() WHERE id = $1`,
        [id, ...Object.values(changes)],
      );
      const changed = Object.fromEntries(columns.map((c) => [c, { from: c === 'budget_amount' && before[c] !== null ? Number(before[c]) : before[c], to: changes[c] }]));
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.activity-updated',
        entityType: 'benchmark',
        entityId: before.benchmark_id,
        data: { activityId: id, code: before['code'], version: before.version + 1, changed },
      });
      return this.one(em, id);
    });
  }

  async addNote(actor: Actor, id: string, request: ProgressNoteRequest): Promise<ActivityProgressNoteDto> {
    return this.dataSource.transaction(async (em) => {
      const activity = await this.activityFor(em, actor, id, 'ministry');
      const text = request.text.trim();
      if (!text) throw refuse.unprocessable('request.field-empty', { field: 'text' });
      const [row] = await em.query(`INSERT INTO activity_progress_note (activity_id, text, author_id) VALUES ($1, $2, $3) RETURNING id, created_at`, [id, text, actor.userId]);
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.progress-noted',
        entityType: 'benchmark',
        entityId: activity.benchmark_id,
        data: { activityId: id, code: activity['code'], noteId: row.id, text },
      });
      return { id: row.id, text, author: actor.displayName, createdAt: new Date(row.created_at).toISOString() };
    });
  }

  /**
   * Turns a peer-review recommendation into a corrective measure of the Action Plan (the Commission):
   * what, responsible and due date come from it; once its mission's report is shared, and once only.
   */
  async measureFromRecommendation(actor: Actor, id: string): Promise<RecommendationDto> {
    await this.dataSource.transaction(async (em) => {
      const rec = await this.recommendations.recommendationForMeasure(em, actor, id);
      const [existing] = await em.query(`SELECT id FROM corrective_measure WHERE recommendation_id = $1`, [id]);
      if (existing) throw refuse.conflict('recommendation.measure-already');
      // The measure is the country's to carry out, in its Action Plan: only once it has the report.
      if (!rec.reportShared) throw refuse.unprocessable('recommendation.report-not-shared');
      const [measure] = await em.query(
        `INSERT INTO corrective_measure (benchmark_id, what, responsible, due_date, created_by, recommendation_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [rec.benchmarkId, rec.text, rec.owner, rec.dueDate, actor.userId, id],
      );
      const recorded = auditActor(actor);
      await this.audit.record(em, recorded, { action: 'mission.recommendation_to_corrective_measure', entityType: 'mission', entityId: rec.missionId, data: { recommendationId: id, correctiveMeasureId: measure.id } });
      await this.audit.record(em, recorded, { action: 'corrective_measure.created', entityType: 'benchmark', entityId: rec.benchmarkId, data: { correctiveMeasureId: measure.id, recommendationId: id } });
    });
    return this.recommendations.recommendation(id);
  }

  /** A corrective measure on a late activity (422 while it is not overdue). */
  async addMeasure(actor: Actor, id: string, request: CorrectiveMeasureRequest): Promise<CorrectiveMeasureDto> {
    return this.dataSource.transaction(async (em) => {
      const activity = await this.activityFor(em, actor, id, 'ministry-or-commission');
      if (!activity.overdue) {
        throw activity.status === 'completed'
          ? refuse.unprocessable('action-plan.activity-completed')
          : refuse.unprocessable('action-plan.activity-not-late', { deadline: String(activity['deadline']) });
      }
      const what = request.what.trim();
      const responsible = request.responsible.trim();
      if (!what || !responsible) throw refuse.unprocessable('action-plan.what-or-responsible-empty');
      const [row] = await em.query(
        `INSERT INTO corrective_measure (activity_id, benchmark_id, what, responsible, due_date, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [id, activity.benchmark_id, what, responsible, request.dueDate, actor.userId],
      );
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.corrective-measure-added',
        entityType: 'benchmark',
        entityId: activity.benchmark_id,
        data: { activityId: id, code: activity['code'], measureId: row.id, what, responsible, dueDate: request.dueDate },
      });
      return this.measure(em, row.id);
    });
  }

  async updateMeasure(actor: Actor, id: string, request: UpdateCorrectiveMeasureRequest): Promise<CorrectiveMeasureDto> {
    return this.dataSource.transaction(async (em) => {
      const [before] = await em.query(`${MEASURE_SELECT} WHERE m.id = $1 FOR UPDATE OF m`, [id]);
      if (!before) throw refuse.notFound('action-plan.measure-not-found', { id });
      const scope = await findBenchmarkScope(em, before.benchmark_id);
      if (!readsCountryRecords(actor, scope, await isMissionExpert(em, scope.id, actor.userId))) throw refuse.notFound('action-plan.measure-not-found', { id });
      if (!writesCountryRecords(actor, scope) && !hasRole(actor, 'commission')) {
        throw refuse.forbidden('action-plan.measures-not-yours');
      }
      const changes: Record<string, unknown> = {};
      if (request.what !== undefined) changes['what'] = request.what.trim();
      if (request.responsible !== undefined) changes['responsible'] = request.responsible.trim();
      if (request.dueDate !== undefined) changes['due_date'] = request.dueDate;
      if (request.status !== undefined) changes['status'] = request.status;
      if (Object.values(changes).some((v) => v === '')) throw refuse.unprocessable('action-plan.what-or-responsible-empty');
      const columns = Object.keys(changes);
      if (columns.length) {
        await em.query(`UPDATE corrective_measure SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [id, ...Object.values(changes)]);
      }
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.corrective-measure-updated',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { measureId: id, activityId: before.activity_id, changed: Object.fromEntries(columns.map((c) => [c, { from: before[c], to: changes[c] }])) },
      });
      return this.measure(em, id);
    });
  }

  private async measure(em: EntityManager, id: string): Promise<CorrectiveMeasureDto> {
    const [row] = await em.query(`${MEASURE_SELECT} WHERE m.id = $1`, [id]);
    return measureDto(row);
  }
}

const MEASURE_COLUMNS = `m.id, m.activity_id, m.benchmark_id, m.what, m.responsible, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, m.status,
  u.display_name AS created_by_name, m.created_at, m.recommendation_id`;
const MEASURE_SELECT = `SELECT ${MEASURE_COLUMNS} FROM corrective_measure m JOIN app_user u ON u.id = m.created_by`;

function measureDto(r: Record<string, any>): CorrectiveMeasureDto {
  return {
    id: r['id'],
    activityId: r['activity_id'],
    benchmarkId: r['benchmark_id'],
    what: r['what'],
    responsible: r['responsible'],
    dueDate: r['due_date'],
    status: r['status'],
    createdBy: r['created_by_name'],
    createdAt: new Date(r['created_at']).toISOString(),
    recommendationId: r['recommendation_id'],
  };
}
