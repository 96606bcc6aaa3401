import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { prepared, refuse, rows, type Sql, sql } from '@bt/api/core';
import { type StoredFileColumns, storedFileDto } from '@bt/api/files';
import type { MissionDetailDto, MissionDto, MissionListItemDto, RecommendationDto } from '@bt/contracts';
import { hasRole, type Viewer } from '@bt/api/identity';
import { INBOX_SIZE } from '@bt/api/inbox';
import { type MissionAccess, missionAccess, missionSeen } from './mission-access';
import { iso, type LoadedMissionRow, type MissionRow, type RecommendationRow } from './mission-rows';
import { latestMissionSql } from './mission-scope';

/** The columns of a mission as lists and pages show them (scope, experts with their Member State). */
const MISSION_COLUMNS =
  sql.raw(`m.id, m.title, m.version, m.country_code, m.start_date, m.end_date, m.benchmark_id, m.report_file_id, m.report_submitted_at, m.report_shared_at, m.tor_file_id,
  coalesce((SELECT json_agg(json_build_object('id', b.id, 'code', b.code, 'text', b.text) ORDER BY b.code)
              FROM mission_benchmark mb JOIN benchmark b ON b.id = mb.benchmark_id WHERE mb.mission_id = m.id), '[]') AS benchmarks,
  coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'memberState', trim(o.member_state)) ORDER BY u.display_name)
              FROM mission_expert x JOIN app_user u ON u.id = x.user_id JOIN organisation o ON o.id = u.organisation_id WHERE x.mission_id = m.id), '[]') AS experts`);

/**
 * Peer-review missions as they are read: a scope of one or more benchmarks of one country, dates,
 * experts (their Member State is their organisation's), terms of reference, an agenda, findings per
 * benchmark, the report (the Commission's and the experts' until the Commission shares it with the
 * ministry) and recommendations with their follow-up, as far as each caller may see them. The writes
 * are the jobs of MissionPlanningService, MissionDocumentsService, MissionAgendaService and
 * MissionRecommendationsService, each reading its answer here inside its own transaction.
 */
@Injectable()
export class MissionsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The benchmark's latest mission (one whose scope holds it), as the workflow panel shows it; or null.
   * Its report only to the mission's reviewers (`reviewer`: the Commission, its experts) until shared.
   */
  async current(em: EntityManager, benchmarkId: string, reviewer: boolean): Promise<MissionDto | null> {
    const [row] = await em.query<{ mission: CurrentMissionJson | null }[]>(`SELECT ${currentMissionSql('$1::uuid')} AS mission`, [benchmarkId]);
    return currentMissionDto(row.mission, reviewer);
  }

  /** The missions this caller may see: the Commission all, experts theirs, a ministry its country's. */
  async list(viewer: Viewer): Promise<MissionListItemDto[]> {
    const missions = await rows<MissionRow>(
      this.dataSource,
      sql`SELECT ${MISSION_COLUMNS} FROM mission m WHERE ${missionSeen('m', viewer)} ORDER BY m.start_date DESC, m.created_at DESC`,
    );
    return missions.map((r) => this.listItem(r));
  }

  private listItem(r: MissionRow): MissionListItemDto {
    return {
      id: r.id,
      title: r.title || r.benchmarks.map((b) => b.code).join(', '),
      countryCode: r.country_code.trim(),
      startDate: r.start_date,
      endDate: r.end_date,
      benchmarks: r.benchmarks,
      experts: r.experts,
      reportSubmitted: !!r.report_file_id,
      reportShared: !!r.report_shared_at,
      version: r.version,
    };
  }

  /** A mission and how this caller sees it; 404 for whoever may not see it at all. */
  async load(em: EntityManager, viewer: Viewer, id: string, lock = false): Promise<{ row: LoadedMissionRow; access: MissionAccess }> {
    const [row] = await rows<LoadedMissionRow>(
      em,
      sql`SELECT ${MISSION_COLUMNS}, EXISTS (SELECT 1 FROM mission_expert x WHERE x.mission_id = m.id AND x.user_id = ${viewer.userId}) AS assigned
         FROM mission m WHERE m.id = ${id} ${sql.raw(lock ? 'FOR UPDATE OF m' : '')}`,
    );
    const access = row ? missionAccess(viewer, { countryCode: row.country_code.trim(), assigned: row.assigned }) : null;
    if (!row || !access) throw refuse.notFound('mission.not-found', { id });
    return { row, access };
  }

  /**
   * The mission page: agenda, findings, report and recommendations as far as this caller may see them.
   * A write reads it inside its own transaction (`em`): once committed, no other round trip can fail the request.
   */
  async detail(viewer: Viewer, id: string, em: EntityManager = this.dataSource.manager): Promise<MissionDetailDto> {
    const { row, access } = await this.load(em, viewer, id);
    const reviewer = access !== 'host';
    const shared = !!row.report_shared_at;
    // The ministry sees findings, report and recommendations once the Commission shares the report.
    const seesOutcome = reviewer || shared;
    const fileRow = async (fileId: string | null) =>
      fileId
        ? (
            await em.query<StoredFileColumns[]>(
              `SELECT f.*, u.display_name AS uploaded_by_name FROM stored_file f JOIN app_user u ON u.id = f.uploaded_by WHERE f.id = $1`,
              [fileId],
            )
          )[0]
        : null;
    const tor = await fileRow(row.tor_file_id);
    const report = seesOutcome ? await fileRow(row.report_file_id) : null;
    const meetings = await em.query<{ id: string; meets_on: string; institution: string; participants: string }[]>(
      `SELECT id, meets_on, institution, participants FROM mission_meeting WHERE mission_id = $1 ORDER BY meets_on, created_at`,
      [id],
    );
    const findings = seesOutcome
      ? await em.query<{ benchmark_id: string; text: string; updated_at: Date; display_name: string }[]>(
          `SELECT f.benchmark_id, f.text, f.updated_at, u.display_name FROM mission_finding f JOIN app_user u ON u.id = f.author_id WHERE f.mission_id = $1`,
          [id],
        )
      : [];
    return {
      ...this.listItem(row),
      termsOfReference: tor ? storedFileDto(tor) : null,
      meetings: meetings.map((m) => ({ id: m.id, meetsOn: m.meets_on, institution: m.institution, participants: m.participants })),
      findings: findings.map((f) => ({ benchmarkId: f.benchmark_id, text: f.text, author: f.display_name, updatedAt: f.updated_at.toISOString() })),
      report: report ? { ...storedFileDto(report), submittedAt: iso(row.report_submitted_at) as string, sharedAt: iso(row.report_shared_at) } : null,
      recommendations: seesOutcome ? await this.recommendations(em, sql`r.mission_id = ${id}`) : [],
      may: {
        edit: access === 'commission',
        write: reviewer,
        share: access === 'commission' && !!row.report_file_id && !shared,
        followUp: access === 'commission' || (access === 'host' && shared),
      },
    };
  }

  /** Recommendations as the mission page shows them, over `r` (mission_recommendation) filtered by `where`. */
  async recommendations(em: EntityManager, where: Sql): Promise<RecommendationDto[]> {
    const found = await rows<
      RecommendationRow & { benchmark: RecommendationDto['benchmark']; evidence: RecommendationDto['evidence']; corrective_measure_id: string | null }
    >(
      em,
      sql`SELECT r.*, json_build_object('id', b.id, 'code', b.code, 'text', b.text) AS benchmark,
              coalesce((SELECT json_agg(json_build_object('id', e.id, 'title', e.title) ORDER BY e.title)
                          FROM recommendation_evidence re JOIN evidence e ON e.id = re.evidence_id WHERE re.recommendation_id = r.id), '[]') AS evidence,
              (SELECT c.id FROM corrective_measure c WHERE c.recommendation_id = r.id LIMIT 1) AS corrective_measure_id
         FROM mission_recommendation r JOIN benchmark b ON b.id = r.benchmark_id WHERE ${where} ORDER BY b.code, r.created_at`,
    );
    return found.map((r) => ({
      id: r.id,
      missionId: r.mission_id,
      benchmark: r.benchmark,
      text: r.text,
      owner: r.owner,
      dueDate: r.due_date,
      status: r.status,
      followUpNote: r.follow_up_note,
      evidence: r.evidence,
      correctiveMeasureId: r.corrective_measure_id,
    }));
  }

  /** Deadlines of experts' missions and of recommendations (for the inbox). */
  async reminderRows(
    viewer: Viewer,
    now: Date,
    days: number,
  ): Promise<{ kind: 'mission-start' | 'mission-report' | 'recommendation-due'; mission_id: string; item_id: string; title: string; due: Date }[]> {
    return prepared(this.dataSource).query(
      // Each kind bounded to its latest dates, as many as the inbox answers (INBOX_SIZE).
      `(SELECT 'mission-start' AS kind, m.id AS mission_id, m.id AS item_id, coalesce(nullif(m.title, ''), 'Peer-review mission') AS title, m.start_date::timestamptz AS due
          FROM mission m JOIN mission_expert x ON x.mission_id = m.id AND x.user_id = $1
         WHERE m.start_date >= $2::date AND m.start_date <= $2::date + $3::int ORDER BY m.start_date DESC LIMIT ${INBOX_SIZE})
       UNION ALL
       (SELECT 'mission-report', m.id, m.id, coalesce(nullif(m.title, ''), 'Peer-review mission'), m.end_date::timestamptz
          FROM mission m JOIN mission_expert x ON x.mission_id = m.id AND x.user_id = $1
         WHERE m.end_date < $2::date AND m.report_file_id IS NULL ORDER BY m.end_date DESC LIMIT ${INBOX_SIZE})
       UNION ALL
       (SELECT 'recommendation-due', r.mission_id, r.id, left(r.text, 121), r.due_date::timestamptz
          FROM mission_recommendation r JOIN mission m ON m.id = r.mission_id
         WHERE r.status IN ('open', 'in_progress') AND r.due_date <= $2::date + $3::int
           AND (($4::boolean) OR (m.country_code = $5 AND m.report_shared_at IS NOT NULL))
         ORDER BY r.due_date DESC LIMIT ${INBOX_SIZE})`,
      [viewer.userId, now.toISOString().slice(0, 10), days, hasRole(viewer, 'commission'), hasRole(viewer, 'ministry') ? viewer.countryCode : null],
    );
  }
}

/**
 * The benchmark's latest mission as one JSON value, so that a statement reading a whole benchmark page
 * can carry it; `currentMissionDto` turns it into the answer.
 */
export function currentMissionSql(benchmarkId: string): string {
  return latestMissionSql(
    benchmarkId,
    `json_build_object('id', m.id, 'start_date', m.start_date, 'end_date', m.end_date, 'report_submitted_at', m.report_submitted_at,
       'report_shared_at', m.report_shared_at, 'file_name', f.file_name, 'sha256', f.sha256, 'size', f.size,
       'experts', coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name)
                              FROM mission_expert x JOIN app_user u ON u.id = x.user_id WHERE x.mission_id = m.id), '[]'))`,
    'LEFT JOIN stored_file f ON f.id = m.report_file_id',
  );
}

/** The JSON value of `currentMissionSql` (its timestamps as ISO text, its dates as days). */
export interface CurrentMissionJson {
  id: string;
  start_date: string;
  end_date: string;
  report_submitted_at: string | null;
  report_shared_at: string | null;
  file_name: string | null;
  sha256: string;
  size: number | string;
  experts: MissionDto['experts'];
}

/** The mission of `currentMissionSql`; the report only to its reviewers, or once shared. */
export function currentMissionDto(m: CurrentMissionJson | null, reviewer: boolean): MissionDto | null {
  if (!m) return null;
  return {
    id: m.id,
    startDate: m.start_date,
    endDate: m.end_date,
    experts: m.experts,
    report:
      m.file_name && (reviewer || m.report_shared_at)
        ? { fileName: m.file_name, sha256: m.sha256, size: Number(m.size), uploadedAt: iso(m.report_submitted_at) as string }
        : null,
  };
}
