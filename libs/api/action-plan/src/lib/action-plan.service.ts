import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { prepared, refuse } from '@bt/api/core';
import { hasRole, type Viewer } from '@bt/api/identity';
import { isMissionExpert, missionSeenParams, missionSeenSql } from '@bt/api/missions';
import { countryRecordsVisibleSql, readsCountryRecords, writesCountryRecords } from '@bt/api/track-records';
import {
  ACTIVITY_STATUSES,
  type ActionActivityDto,
  type ActionPlanQuery,
  type ActionPlanSummaryDto,
  type ActivityProgressNoteDto,
  type ActivityStatus,
  type CorrectiveMeasureDto,
  type RecommendationMeasureDto,
} from '@bt/contracts';
import {
  ACTIVITY_COLUMNS,
  ACTIVITY_FROM,
  type ActivityRow,
  MEASURE_COLUMNS,
  MEASURE_SELECT,
  type MeasureRow,
  measureDto,
  OVERDUE_SQL,
} from './action-plan-rows';

/** An unfinished activity whose deadline is near, as the ministry's reminders name it. */
export interface DueActivityRow {
  id: string;
  code: string;
  title: string;
  benchmark_code: string;
  deadline: string;
}

/** A measure made of a recommendation, with where it belongs and the mission (for those who see it). */
interface RecommendationMeasureRow extends MeasureRow {
  benchmark_code: string;
  country_code: string;
  area_code: string;
  area_title: string;
  recommendation_status: string;
  mission: { id: string; title: string } | null;
}

/** One line of the dashboard's counts: an area's (`everything` 0) or the total (`everything` 1); a status none has is null. */
type SummaryRow = {
  code: string | null;
  title: string | null;
  everything: number;
  total: number;
  overdue: number | null;
  with_measure: number | null;
} & Partial<Record<ActivityStatus, number | null>>;

/**
 * The national Action Plan as it is read: activities per benchmark with their progress notes and
 * corrective measures, the measures made of recommendations, the dashboard's counts, what falls due
 * soon. The writers (activities, progress notes, corrective measures) find an activity through
 * `activityFor` and answer with `one` / `measure` inside their own transaction.
 */
@Injectable()
export class ActionPlanService {
  constructor(private readonly dataSource: DataSource) {}

  /** The activities this viewer may see, filtered; oldest deadline first. */
  async list(viewer: Viewer, query: ActionPlanQuery): Promise<ActionActivityDto[]> {
    const em = this.dataSource.manager;
    const { where, params } = this.filters(viewer, query);
    const rows = await em.query<ActivityRow[]>(
      `SELECT ${ACTIVITY_COLUMNS} FROM ${ACTIVITY_FROM}
        WHERE ${where} ORDER BY act.deadline, b.code, act.code LIMIT 1000`,
      params,
    );
    return this.withDetails(em, rows);
  }

  /**
   * The unfinished activities of the ministry's own country whose deadline falls within `days` of
   * `now` (not yet overdue: those are counted and flagged already), soonest first, at most `limit`.
   */
  async dueSoon(viewer: Viewer, now: Date, days: number, limit: number): Promise<DueActivityRow[]> {
    if (!hasRole(viewer, 'ministry') || !viewer.countryCode) return [];
    return prepared(this.dataSource).query<DueActivityRow>(
      `SELECT act.id, act.code, act.title, b.code AS benchmark_code, to_char(act.deadline, 'YYYY-MM-DD') AS deadline
         FROM ${ACTIVITY_FROM}
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
    const notes = ids.length
      ? await em.query<(ActivityProgressNoteDto & { activity_id: string })[]>(
          `SELECT n.activity_id, n.id, n.text, u.display_name AS author, n.created_at AS "createdAt" FROM activity_progress_note n JOIN app_user u ON u.id = n.author_id
            WHERE n.activity_id = ANY($1) ORDER BY n.created_at, n.id`,
          [ids],
        )
      : [];
    const measures = ids.length ? await em.query<MeasureRow[]>(`${MEASURE_SELECT} WHERE m.activity_id = ANY($1) ORDER BY m.created_at, m.id`, [ids]) : [];
    return rows.map((r) => ({
      id: r.id,
      benchmarkId: r.benchmark_id,
      benchmarkCode: r.benchmark_code,
      country: r.country_code.trim(),
      area: { code: r.area_code, title: r.area_title },
      code: r.code,
      title: r.title,
      responsibleInstitution: r.responsible_institution,
      deadline: r.deadline,
      budget: r.budget_amount === null ? null : { amount: Number(r.budget_amount), currency: r.budget_currency as string, source: r.budget_source as string },
      status: r.status,
      overdue: r.overdue,
      version: r.version,
      progressNotes: notes
        .filter((n) => n.activity_id === r.id)
        .map(({ id, text, author, createdAt }) => ({ id, text, author, createdAt: new Date(createdAt).toISOString() })),
      correctiveMeasures: measures.filter((m) => m.activity_id === r.id).map(measureDto),
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
    const rows = await this.dataSource.query<RecommendationMeasureRow[]>(
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
      benchmarkCode: r.benchmark_code,
      country: r.country_code.trim(),
      area: { code: r.area_code, title: r.area_title },
      mission: r.mission ?? null,
      recommendationStatus: r.recommendation_status,
    }));
  }

  /**
   * The dashboard's counts over the activities this viewer may see, in one statement. The Commission
   * and a country's ministry and CSOs see whole countries: their counts come from action_plan_area,
   * one row per area kept by triggers (activities per status, the deadlines of those not completed
   * with how many fall due by each — so the overdue on today's date are one lookup —, and the
   * activities with a corrective measure — an area without activities has none, so the areas with
   * activities give every total); an expert sees the benchmarks of their missions, counted
   * one by one.
   */
  async summary(viewer: Viewer, country: string | undefined): Promise<ActionPlanSummaryDto> {
    const commission = hasRole(viewer, 'commission');
    const ownCountry = hasRole(viewer, 'ministry', 'civil_society') ? viewer.countryCode : null;
    const whole = commission || (ownCountry !== null && !hasRole(viewer, 'expert'));
    let rows: SummaryRow[];
    if (whole) {
      const visible = `($1::boolean OR a.country_code = $2) AND ($3::text IS NULL OR a.country_code = $3)`;
      // OVERDUE_SQL on the area's row: its activities not completed, due on or before yesterday.
      const overdue = `f.open_due[width_bucket(CURRENT_DATE - 1, f.open_deadlines)]`;
      rows = await prepared(this.dataSource).query<SummaryRow>(
        `SELECT x.code, x.title, GROUPING(x.code) AS everything, sum(x.total)::int AS total, sum(x.overdue)::int AS overdue,
                ${ACTIVITY_STATUSES.map((st) => `sum(x.${st})::int AS "${st}"`).join(', ')}, sum(x.with_measure)::int AS with_measure
           FROM (SELECT a.code, a.title, a.position, f.total, ${overdue} AS overdue, ${ACTIVITY_STATUSES.map((st) => `f.${st}`).join(', ')}, f.with_measure
                   FROM action_plan_area f JOIN area a ON a.id = f.area_id WHERE f.total > 0 AND ${visible}) x
          GROUP BY GROUPING SETS ((x.code, x.title, x.position), ()) ORDER BY GROUPING(x.code), x.position, x.code`,
        [commission, ownCountry, country ?? null],
      );
    } else {
      const counts = `sum(x.n)::int AS total, (sum(x.n) FILTER (WHERE ${OVERDUE_SQL.replaceAll('act.', 'x.')}))::int AS overdue,
                      ${ACTIVITY_STATUSES.map((st) => `(sum(x.n) FILTER (WHERE x.status = '${st}'))::int AS "${st}"`).join(', ')}`;
      const { where, params } = this.filters(viewer, { country });
      rows = await prepared(this.dataSource).query<SummaryRow>(
        `SELECT x.code, x.title, GROUPING(x.code) AS everything, ${counts}, count(*) FILTER (WHERE x.measured)::int AS with_measure
           FROM (SELECT a.code, a.title, a.position, act.status, act.deadline, 1 AS n,
                        EXISTS (SELECT 1 FROM corrective_measure m WHERE m.activity_id = act.id) AS measured
                   FROM ${ACTIVITY_FROM} WHERE ${where}) x
          GROUP BY GROUPING SETS ((x.code, x.title, x.position), ()) ORDER BY GROUPING(x.code), x.position, x.code`,
        params,
      );
    }
    const totals: Partial<SummaryRow> = rows.find((r) => r.everything === 1) ?? {};
    const areas = rows.filter((r) => r.everything === 0);
    return {
      total: totals.total ?? 0,
      byStatus: Object.fromEntries(ACTIVITY_STATUSES.map((st) => [st, totals[st] ?? 0])) as Record<ActivityStatus, number>,
      overdue: totals.overdue ?? 0,
      withCorrectiveMeasure: totals.with_measure ?? 0,
      areas: areas.map((r) => ({ code: r.code as string, title: r.title as string, total: r.total, completed: r.completed ?? 0, overdue: r.overdue ?? 0 })),
    };
  }

  /** One activity as the list shows it, read inside the writer's transaction. */
  async one(em: EntityManager, id: string): Promise<ActionActivityDto> {
    const rows = await em.query<ActivityRow[]>(`SELECT ${ACTIVITY_COLUMNS} FROM ${ACTIVITY_FROM} WHERE act.id = $1`, [id]);
    return (await this.withDetails(em, rows))[0];
  }

  /** One corrective measure, read inside the writer's transaction. */
  async measure(em: EntityManager, id: string): Promise<CorrectiveMeasureDto> {
    const [row] = await em.query<MeasureRow[]>(`${MEASURE_SELECT} WHERE m.id = $1`, [id]);
    return measureDto(row);
  }

  /** The activity, locked, if this viewer may see it (404 otherwise); `write` says who may change it (403 otherwise). */
  async activityFor(em: EntityManager, viewer: Viewer, id: string, write: 'ministry' | 'ministry-or-commission'): Promise<ActivityRow> {
    const [row] = await em.query<ActivityRow[]>(`SELECT ${ACTIVITY_COLUMNS} FROM ${ACTIVITY_FROM} WHERE act.id = $1 FOR UPDATE OF act`, [id]);
    const scope = row && { countryCode: row.country_code.trim() };
    if (!row || !readsCountryRecords(viewer, scope, await isMissionExpert(em, row.benchmark_id, viewer.userId)))
      throw refuse.notFound('action-plan.activity-not-found', { id });
    const mayWrite = writesCountryRecords(viewer, scope) || (write === 'ministry-or-commission' && hasRole(viewer, 'commission'));
    if (!mayWrite) {
      throw refuse.forbidden(write === 'ministry' ? 'action-plan.only-ministry-updates' : 'action-plan.measures-not-yours');
    }
    return row;
  }
}
