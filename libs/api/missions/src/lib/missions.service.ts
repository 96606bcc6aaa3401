import { Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { isUuid } from '@bt/api/catalogue';
import { FilesService, storedFileDto } from '@bt/api/files';
import type {
  CreateMissionRequest,
  ExpertDto,
  MissionDetailDto,
  MissionDto,
  MissionFindingRequest,
  MissionListItemDto,
  MissionMeetingRequest,
  MissionPlanRequest,
  MissionRecommendationRequest,
  RecommendationDto,
  RecommendationFollowUpRequest,
  UpdateMissionRequest,
} from '@bt/contracts';
import { actorOfViewer, hasRole, type Viewer } from '@bt/api/identity';
import { INBOX_SIZE } from '@bt/api/inbox';
import { type MissionAccess, missionAccess, missionSeenParams, missionSeenSql } from './mission-access';
import { latestMissionSql } from './mission-scope';

type Row = Record<string, any>;
const day = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10));
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
/** A report is a document: PDF, DOCX or ODT. */
const REPORT_KINDS = ['pdf', 'docx', 'odt'] as const;

/** A meeting of the agenda falls within the mission's dates (422 otherwise). */
function checkMeetingDate(mission: Row, meetsOn: string): void {
  const [start, end] = [day(mission.start_date) as string, day(mission.end_date) as string];
  if (meetsOn < start || meetsOn > end) throw refuse.unprocessable('mission.meeting-outside-dates', { start, end, date: meetsOn });
}

/** The columns of a mission as lists and pages show them (scope, experts with their Member State). */
const MISSION_COLUMNS = `m.id, m.title, m.version, m.country_code, m.start_date, m.end_date, m.benchmark_id, m.report_file_id, m.report_submitted_at, m.report_shared_at, m.tor_file_id,
  coalesce((SELECT json_agg(json_build_object('id', b.id, 'code', b.code, 'text', b.text) ORDER BY b.code)
              FROM mission_benchmark mb JOIN benchmark b ON b.id = mb.benchmark_id WHERE mb.mission_id = m.id), '[]') AS benchmarks,
  coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'memberState', trim(o.member_state)) ORDER BY u.display_name)
              FROM mission_expert x JOIN app_user u ON u.id = x.user_id JOIN organisation o ON o.id = u.organisation_id WHERE x.mission_id = m.id), '[]') AS experts`;

/**
 * Peer-review missions: a scope of one or more benchmarks of one country, dates, experts (their
 * Member State is their organisation's), terms of reference, an agenda, findings per benchmark, the
 * report (the Commission's and the experts' until the Commission shares it with the ministry) and
 * recommendations with their follow-up. START_PEER_REVIEW plans the one-benchmark mission of the workflow.
 */
@Injectable()
export class MissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly files: FilesService,
  ) {}

  /** Plans a mission inside START_PEER_REVIEW's transaction; every expert must hold the expert role. */
  async plan(em: EntityManager, benchmarkId: string, plan: MissionPlanRequest, createdBy: string | null = null): Promise<string> {
    const experts = await this.checkExperts(em, plan.expertIds);
    const [mission] = await em.query(`INSERT INTO mission (benchmark_id, start_date, end_date, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [benchmarkId, plan.startDate, plan.endDate, createdBy]);
    for (const id of experts) await em.query(`INSERT INTO mission_expert (mission_id, user_id) VALUES ($1, $2)`, [mission.id, id]);
    return mission.id;
  }

  /** The benchmarks of a scope given as codes or ids, each with its country; 422 unless every one exists. */
  private async scopeBenchmarks(em: EntityManager, refs: string[]): Promise<Row[]> {
    const unique = [...new Set(refs)];
    const benchmarks = await em.query(`SELECT b.id, b.code, a.country_code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.code = ANY($1) OR b.id::text = ANY($2)`, [
      unique,
      unique.filter(isUuid),
    ]);
    if (benchmarks.length !== unique.length) throw refuse.unprocessable('mission.scope-benchmark-unknown');
    return benchmarks;
  }

  private async checkExperts(em: EntityManager, expertIds: string[]): Promise<string[]> {
    const experts = await em.query(`SELECT DISTINCT r.user_id FROM role_assignment r JOIN app_user u ON u.id = r.user_id WHERE r.role = 'expert' AND u.disabled_at IS NULL AND r.user_id = ANY($1)`, [expertIds]);
    if (experts.length !== new Set(expertIds).size) throw refuse.unprocessable('mission.expert-not-eligible');
    return experts.map((e: Row) => e.user_id);
  }

  /**
   * The benchmark's latest mission (one whose scope holds it), as the workflow panel shows it; or null.
   * Its report only to the mission's reviewers (`reviewer`: the Commission, its experts) until shared.
   */
  async current(em: EntityManager, benchmarkId: string, reviewer: boolean): Promise<MissionDto | null> {
    const [row] = await em.query(`SELECT ${currentMissionSql('$1::uuid')} AS mission`, [benchmarkId]);
    return currentMissionDto(row.mission, reviewer);
  }

  /** The missions this caller may see: the Commission all, experts theirs, a ministry its country's. */
  async list(viewer: Viewer): Promise<MissionListItemDto[]> {
    const rows = await this.dataSource.query(
      `SELECT ${MISSION_COLUMNS} FROM mission m WHERE ${missionSeenSql('m', 1)} ORDER BY m.start_date DESC, m.created_at DESC`,
      missionSeenParams(viewer),
    );
    return rows.map((r: Row) => this.listItem(r));
  }

  private listItem(r: Row): MissionListItemDto {
    return {
      id: r.id,
      title: r.title || r.benchmarks.map((b: Row) => b.code).join(', '),
      countryCode: r.country_code.trim(),
      startDate: day(r.start_date) as string,
      endDate: day(r.end_date) as string,
      benchmarks: r.benchmarks,
      experts: r.experts,
      reportSubmitted: !!r.report_file_id,
      reportShared: !!r.report_shared_at,
      version: r.version,
    };
  }

  /** A mission and how this caller sees it; 404 for whoever may not see it at all. */
  private async load(em: EntityManager, viewer: Viewer, id: string, lock = false): Promise<{ row: Row; access: MissionAccess }> {
    const [row] = await em.query(
      `SELECT ${MISSION_COLUMNS}, EXISTS (SELECT 1 FROM mission_expert x WHERE x.mission_id = m.id AND x.user_id = $2) AS assigned
         FROM mission m WHERE m.id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`,
      [id, viewer.userId],
    );
    const access = row ? missionAccess(viewer, { countryCode: row.country_code.trim(), assigned: row.assigned }) : null;
    if (!row || !access) throw refuse.notFound('mission.not-found', { id });
    return { row, access };
  }

  /** `POST /api/missions`: a mission on one or more benchmarks of one country. */
  async create(viewer: Viewer, request: CreateMissionRequest, ip: string): Promise<MissionDetailDto> {
    if (request.endDate < request.startDate) throw refuse.unprocessable('workflow.mission-ends-before-start');
    return this.dataSource.transaction(async (em) => {
      const benchmarks = await this.scopeBenchmarks(em, request.benchmarks);
      const countries = new Set(benchmarks.map((b: Row) => b.country_code.trim()));
      if (countries.size !== 1) throw refuse.unprocessable('mission.one-country');
      const experts = await this.checkExperts(em, request.expertIds);
      const [mission] = await em.query(`INSERT INTO mission (title, country_code, start_date, end_date, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        request.title.trim(),
        [...countries][0],
        request.startDate,
        request.endDate,
        viewer.userId,
      ]);
      for (const b of benchmarks) await em.query(`INSERT INTO mission_benchmark (mission_id, benchmark_id) VALUES ($1, $2)`, [mission.id, b.id]);
      for (const e of experts) await em.query(`INSERT INTO mission_expert (mission_id, user_id) VALUES ($1, $2)`, [mission.id, e]);
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: 'mission.created',
        entityType: 'mission',
        entityId: mission.id,
        data: { title: request.title.trim(), benchmarks: benchmarks.map((b: Row) => b.id), experts, startDate: request.startDate, endDate: request.endDate },
      });
      return this.detail(viewer, mission.id, em);
    });
  }

  /**
   * `PATCH /api/missions/:id`: corrects title, dates, experts or scope of a mission (the Commission).
   * The agenda must stay within the dates; the scope stays in the mission's country and keeps the
   * benchmark whose workflow planned it and every benchmark the mission has findings or recommendations on.
   */
  async update(viewer: Viewer, id: string, request: UpdateMissionRequest, ip: string): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.load(em, viewer, id, true);
      if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
      if (row.version !== request.version) {
        throw refuse.conflict('mission.changed-meanwhile', { current: row.version, sent: request.version });
      }
      const country = row.country_code.trim();
      const current = (row.benchmarks as Row[]).map((b) => b.id as string);
      const before = { title: row.title as string, startDate: day(row.start_date) as string, endDate: day(row.end_date) as string, benchmarks: current, expertIds: (row.experts as Row[]).map((e) => e.id as string) };
      const title = request.title === undefined ? before.title : request.title.trim();
      if (!title) throw refuse.unprocessable('mission.title-empty');
      const startDate = request.startDate ?? before.startDate;
      const endDate = request.endDate ?? before.endDate;
      if (endDate < startDate) throw refuse.unprocessable('workflow.mission-ends-before-start');
      const [outside] = await em.query(
        `SELECT to_char(meets_on, 'YYYY-MM-DD') AS meets_on, institution FROM mission_meeting WHERE mission_id = $1 AND (meets_on < $2::date OR meets_on > $3::date) ORDER BY meets_on LIMIT 1`,
        [id, startDate, endDate],
      );
      if (outside) throw refuse.unprocessable('mission.meeting-would-fall-outside', { institution: outside.institution, date: outside.meets_on, start: startDate, end: endDate });
      let benchmarks = current;
      if (request.benchmarks) {
        const scope = await this.scopeBenchmarks(em, request.benchmarks);
        const foreign = scope.find((b) => b.country_code.trim() !== country);
        if (foreign) throw refuse.unprocessable('mission.benchmark-of-another-country', { code: foreign.code, country });
        benchmarks = scope.map((b) => b.id as string);
        const codeOf = (benchmarkId: string) => (row.benchmarks as Row[]).find((b) => b.id === benchmarkId)?.code ?? benchmarkId;
        if (row.benchmark_id && !benchmarks.includes(row.benchmark_id)) throw refuse.unprocessable('mission.scope-keeps-planning-benchmark', { code: codeOf(row.benchmark_id) });
        const [worked] = await em.query(
          `SELECT b.code FROM benchmark b
            WHERE b.id IN (SELECT benchmark_id FROM mission_finding WHERE mission_id = $1 UNION SELECT benchmark_id FROM mission_recommendation WHERE mission_id = $1)
              AND NOT (b.id = ANY($2::uuid[])) ORDER BY b.code LIMIT 1`,
          [id, benchmarks],
        );
        if (worked) throw refuse.unprocessable('mission.scope-keeps-worked-benchmark', { code: worked.code });
      }
      const expertIds = request.expertIds ? await this.checkExperts(em, request.expertIds) : before.expertIds;
      await em.query(`UPDATE mission SET title = $2, start_date = $3, end_date = $4, version = version + 1 WHERE id = $1`, [id, title, startDate, endDate]);
      if (request.benchmarks) {
        await em.query(`DELETE FROM mission_benchmark WHERE mission_id = $1 AND NOT (benchmark_id = ANY($2::uuid[]))`, [id, benchmarks]);
        await em.query(`INSERT INTO mission_benchmark (mission_id, benchmark_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [id, benchmarks]);
      }
      if (request.expertIds) {
        await em.query(`DELETE FROM mission_expert WHERE mission_id = $1 AND NOT (user_id = ANY($2::uuid[]))`, [id, expertIds]);
        await em.query(`INSERT INTO mission_expert (mission_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [id, expertIds]);
      }
      const after = { title, startDate, endDate, benchmarks, expertIds, version: row.version + 1 };
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'mission.updated', entityType: 'mission', entityId: id, data: { before, after } });
      return this.detail(viewer, id, em);
    });
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
      fileId ? (await em.query(`SELECT f.*, u.display_name AS uploaded_by_name FROM stored_file f JOIN app_user u ON u.id = f.uploaded_by WHERE f.id = $1`, [fileId]))[0] : null;
    const tor = await fileRow(row.tor_file_id);
    const report = seesOutcome ? await fileRow(row.report_file_id) : null;
    const meetings = await em.query(`SELECT id, meets_on, institution, participants FROM mission_meeting WHERE mission_id = $1 ORDER BY meets_on, created_at`, [id]);
    const findings = seesOutcome
      ? await em.query(`SELECT f.benchmark_id, f.text, f.updated_at, u.display_name FROM mission_finding f JOIN app_user u ON u.id = f.author_id WHERE f.mission_id = $1`, [id])
      : [];
    return {
      ...this.listItem(row),
      termsOfReference: tor ? storedFileDto(tor) : null,
      meetings: meetings.map((m: Row) => ({ id: m.id, meetsOn: day(m.meets_on) as string, institution: m.institution, participants: m.participants })),
      findings: findings.map((f: Row) => ({ benchmarkId: f.benchmark_id, text: f.text, author: f.display_name, updatedAt: iso(f.updated_at) as string })),
      report: report ? { ...storedFileDto(report), submittedAt: iso(row.report_submitted_at) as string, sharedAt: iso(row.report_shared_at) } : null,
      recommendations: seesOutcome ? await this.recommendations(em, 'r.mission_id = $1', [id]) : [],
      may: { edit: access === 'commission', write: reviewer, share: access === 'commission' && !!row.report_file_id && !shared, followUp: access === 'commission' || (access === 'host' && shared) },
    };
  }

  private async recommendations(em: EntityManager, where: string, params: unknown[]): Promise<RecommendationDto[]> {
    const rows = await em.query(
      `SELECT r.*, json_build_object('id', b.id, 'code', b.code, 'text', b.text) AS benchmark,
              coalesce((SELECT json_agg(json_build_object('id', e.id, 'title', e.title) ORDER BY e.title)
                          FROM recommendation_evidence re JOIN evidence e ON e.id = re.evidence_id WHERE re.recommendation_id = r.id), '[]') AS evidence,
              (SELECT c.id FROM corrective_measure c WHERE c.recommendation_id = r.id LIMIT 1) AS corrective_measure_id
         FROM mission_recommendation r JOIN benchmark b ON b.id = r.benchmark_id WHERE ${where} ORDER BY b.code, r.created_at`,
      params,
    );
    return rows.map((r: Row) => ({
      id: r.id,
      missionId: r.mission_id,
      benchmark: r.benchmark,
      text: r.text,
      owner: r.owner,
      dueDate: day(r.due_date) as string,
      status: r.status,
      followUpNote: r.follow_up_note,
      evidence: r.evidence,
      correctiveMeasureId: r.corrective_measure_id,
    }));
  }

  /** The scope benchmark named by code or id, or 422. */
  private scopeBenchmark(row: Row, ref: string): string {
    const found = (row.benchmarks as Row[]).find((b) => b.id === ref || b.code === ref);
    if (!found) throw refuse.unprocessable('mission.benchmark-not-in-scope', { ref });
    return found.id;
  }

  /** Stores the mission's terms of reference (the Commission); a new upload replaces the reference, the old file stays in storage. */
  async uploadTermsOfReference(viewer: Viewer, id: string, file: MultipartFile | undefined, ip: string): Promise<MissionDetailDto> {
    const { access } = await this.load(this.dataSource.manager, viewer, id);
    if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
    const received = await this.files.receive(file, REPORT_KINDS);
    return this.files.keepIf(received, () =>
      this.dataSource.transaction(async (em) => {
        await this.load(em, viewer, id, true);
        const stored = await this.files.record(em, received, viewer.userId);
        await em.query(`UPDATE mission SET tor_file_id = $2 WHERE id = $1`, [id, stored.id]);
        await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'mission.terms_of_reference', entityType: 'mission', entityId: id, data: { fileId: stored.id, fileName: stored.fileName, sha256: stored.sha256 } });
        return this.detail(viewer, id, em);
      }),
    );
  }

  /** Stores the mission report (an assigned expert or the Commission). */
  async uploadReport(viewer: Viewer, missionId: string, file: MultipartFile | undefined, ip: string): Promise<MissionDto> {
    const { access } = await this.load(this.dataSource.manager, viewer, missionId);
    if (access === 'host') throw refuse.notFound('mission.not-found', { id: missionId });
    const received = await this.files.receive(file, REPORT_KINDS);
    return this.files.keepIf(received, () =>
      this.dataSource.transaction(async (em) => {
        const { row: locked } = await this.load(em, viewer, missionId, true);
        if (locked.report_shared_at) throw refuse.conflict('mission.report-shared-not-replaced');
        if (locked.benchmark_id) {
          // A mission the workflow planned: its report belongs to the benchmark's peer review, before the mission reports.
          const [b] = await em.query(`SELECT state, snapshot->'value'->>'peerReview' AS stage FROM benchmark WHERE id = $1 FOR SHARE`, [locked.benchmark_id]);
          const [latest] = await em.query(`SELECT mission_id FROM mission_benchmark mb JOIN mission m ON m.id = mb.mission_id WHERE mb.benchmark_id = $1 ORDER BY m.created_at DESC LIMIT 1`, [locked.benchmark_id]);
          if (latest.mission_id !== missionId) throw refuse.conflict('mission.not-current');
          if (b.state !== 'peerReview' || b.stage === 'reported') throw refuse.conflict('mission.report-not-now');
        }
        const stored = await this.files.record(em, received, viewer.userId);
        await em.query(`UPDATE mission SET report_file_id = $2, report_submitted_at = now() WHERE id = $1`, [missionId, stored.id]);
        const data = { missionId, fileId: stored.id, fileName: stored.fileName, sha256: stored.sha256, size: stored.size };
        await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'mission.report_uploaded', entityType: 'mission', entityId: missionId, data });
        // The benchmark's history shows it too (the workflow page reads the benchmark's audit events).
        if (locked.benchmark_id) await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'mission.report_uploaded', entityType: 'benchmark', entityId: locked.benchmark_id, data });
        return this.asMissionDto(await this.detail(viewer, missionId, em));
      }),
    );
  }

  private asMissionDto(d: MissionDetailDto): MissionDto {
    return { id: d.id, startDate: d.startDate, endDate: d.endDate, experts: d.experts, report: d.report && { fileName: d.report.fileName, sha256: d.report.sha256, size: d.report.size, uploadedAt: d.report.submittedAt } };
  }

  /** Sends the report: the Commission and the experts; the country's ministry once shared. */
  async sendReport(viewer: Viewer, id: string, reply: FastifyReply): Promise<void> {
    const [row] = await this.dataSource.query(`SELECT report_file_id, report_shared_at FROM mission WHERE id = $1`, [id]);
    const access = row ? await this.load(this.dataSource.manager, viewer, id).then((l) => l.access, () => null) : null;
    if (!row?.report_file_id || !access || (access === 'host' && !row.report_shared_at)) throw refuse.notFound('mission.report-not-found', { id });
    await this.files.send(reply, row.report_file_id);
  }

  /** Sends the terms of reference to whoever sees the mission. */
  async sendTermsOfReference(viewer: Viewer, id: string, reply: FastifyReply): Promise<void> {
    const { row } = await this.load(this.dataSource.manager, viewer, id);
    if (!row.tor_file_id) throw refuse.notFound('mission.terms-of-reference-not-found', { id });
    await this.files.send(reply, row.tor_file_id);
  }

  /** The Commission shares the report with the ministry of the mission's country. */
  async shareReport(viewer: Viewer, id: string, ip: string): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.load(em, viewer, id, true);
      if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
      if (!row.report_file_id) throw refuse.unprocessable('mission.no-report-to-share');
      if (row.report_shared_at) throw refuse.conflict('mission.report-shared-already');
      await em.query(`UPDATE mission SET report_shared_at = now(), report_shared_by = $2 WHERE id = $1`, [id, viewer.userId]);
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'mission.report_shared', entityType: 'mission', entityId: id, data: { countryCode: row.country_code.trim() } });
      return this.detail(viewer, id, em);
    });
  }

  /** Adds a meeting to the agenda (the Commission or an expert of the mission). */
  async addMeeting(viewer: Viewer, id: string, request: MissionMeetingRequest, ip: string): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.load(em, viewer, id, true);
      if (access === 'host') throw refuse.notFound('mission.not-found', { id });
      checkMeetingDate(row, request.meetsOn);
      const [m] = await em.query(`INSERT INTO mission_meeting (mission_id, meets_on, institution, participants) VALUES ($1, $2, $3, $4) RETURNING id`, [
        id,
        request.meetsOn,
        request.institution.trim(),
        request.participants?.trim() ?? '',
      ]);
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'mission.meeting_added', entityType: 'mission', entityId: id, data: { meetingId: m.id, meetsOn: request.meetsOn, institution: request.institution.trim() } });
      return this.detail(viewer, id, em);
    });
  }

  /** A meeting of this mission's agenda, locked; 404 for any other. */
  private async meetingOf(em: EntityManager, id: string, meetingId: string): Promise<Row> {
    const [meeting] = await em.query(
      `SELECT to_char(meets_on, 'YYYY-MM-DD') AS meets_on, institution, participants FROM mission_meeting WHERE id = $1 AND mission_id = $2 FOR UPDATE`,
      [meetingId, id],
    );
    if (!meeting) throw refuse.notFound('mission.meeting-not-found', { meeting: meetingId, mission: id });
    return meeting;
  }

  /** Corrects a meeting of the agenda (the Commission); the same rules as adding one. */
  async correctMeeting(viewer: Viewer, id: string, meetingId: string, request: MissionMeetingRequest, ip: string): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.load(em, viewer, id, true);
      if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
      const meeting = await this.meetingOf(em, id, meetingId);
      checkMeetingDate(row, request.meetsOn);
      const after = { meetsOn: request.meetsOn, institution: request.institution.trim(), participants: request.participants?.trim() ?? '' };
      await em.query(`UPDATE mission_meeting SET meets_on = $2, institution = $3, participants = $4 WHERE id = $1`, [meetingId, after.meetsOn, after.institution, after.participants]);
      const before = { meetsOn: meeting.meets_on, institution: meeting.institution, participants: meeting.participants };
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'mission.meeting_corrected', entityType: 'mission', entityId: id, data: { meetingId, before, after } });
      return this.detail(viewer, id, em);
    });
  }

  /** Removes a meeting from the agenda (the Commission). */
  async removeMeeting(viewer: Viewer, id: string, meetingId: string, ip: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const { access } = await this.load(em, viewer, id, true);
      if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
      const removed = await this.meetingOf(em, id, meetingId);
      await em.query(`DELETE FROM mission_meeting WHERE id = $1`, [meetingId]);
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: 'mission.meeting_removed',
        entityType: 'mission',
        entityId: id,
        data: { meetingId, before: { meetsOn: removed.meets_on, institution: removed.institution, participants: removed.participants } },
      });
    });
  }

  /** Writes the mission's finding on one benchmark of its scope (the Commission or an expert of the mission). */
  async saveFinding(viewer: Viewer, id: string, benchmarkRef: string, request: MissionFindingRequest, ip: string): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.load(em, viewer, id, true);
      if (access === 'host') throw refuse.notFound('mission.not-found', { id });
      const benchmarkId = this.scopeBenchmark(row, benchmarkRef);
      await em.query(
        `INSERT INTO mission_finding (mission_id, benchmark_id, text, author_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (mission_id, benchmark_id) DO UPDATE SET text = EXCLUDED.text, author_id = EXCLUDED.author_id, updated_at = now()`,
        [id, benchmarkId, request.text.trim(), viewer.userId],
      );
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'mission.finding_saved', entityType: 'mission', entityId: id, data: { benchmarkId, text: request.text.trim() } });
      return this.detail(viewer, id, em);
    });
  }

  /** Adds a recommendation on a benchmark of the scope (the Commission or an expert of the mission). */
  async addRecommendation(viewer: Viewer, id: string, request: MissionRecommendationRequest, ip: string): Promise<RecommendationDto> {
    const recommendationId = await this.dataSource.transaction(async (em) => {
      const { row, access } = await this.load(em, viewer, id, true);
      if (access === 'host') throw refuse.notFound('mission.not-found', { id });
      const benchmarkId = this.scopeBenchmark(row, request.benchmark);
      const [r] = await em.query(`INSERT INTO mission_recommendation (mission_id, benchmark_id, text, owner, due_date) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        id,
        benchmarkId,
        request.text.trim(),
        request.owner.trim(),
        request.dueDate,
      ]);
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'mission.recommendation_added', entityType: 'mission', entityId: id, data: { recommendationId: r.id, benchmarkId, owner: request.owner.trim(), dueDate: request.dueDate } });
      return r.id as string;
    });
    return (await this.recommendations(this.dataSource.manager, 'r.id = $1', [recommendationId]))[0];
  }

  /** The recommendation with its mission, as this caller may see it (404 otherwise: a host sees it only once the report is shared). */
  private async loadRecommendation(em: EntityManager, viewer: Viewer, id: string, lock: boolean): Promise<{ rec: Row; mission: Row; access: MissionAccess }> {
    const [rec] = await em.query(`SELECT * FROM mission_recommendation WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    if (!rec) throw refuse.notFound('recommendation.not-found', { id });
    const { row, access } = await this.load(em, viewer, rec.mission_id).catch(() => {
      throw refuse.notFound('recommendation.not-found', { id });
    });
    if (access === 'host' && !row.report_shared_at) throw refuse.notFound('recommendation.not-found', { id });
    return { rec, mission: row, access };
  }

  /** The follow-up: status, note and the evidence that answers it (the Commission; the country's ministry once the report is shared). */
  async followUp(viewer: Viewer, id: string, request: RecommendationFollowUpRequest, ip: string): Promise<RecommendationDto> {
    await this.dataSource.transaction(async (em) => {
      const { rec, access } = await this.loadRecommendation(em, viewer, id, true);
      if (access === 'expert') throw refuse.forbidden('recommendation.follow-up-not-yours');
      if (request.evidenceIds) {
        const ids = [...new Set(request.evidenceIds)];
        // Evidence of the recommendation's benchmark that reviewers can see (not the ministry's internal drafts).
        const found = await em.query(`SELECT id FROM evidence WHERE id = ANY($1) AND benchmark_id = $2 AND visibility IN ('shared', 'public')`, [ids, rec.benchmark_id]);
        if (found.length !== ids.length) throw refuse.unprocessable('recommendation.evidence-not-shared');
        await em.query(`DELETE FROM recommendation_evidence WHERE recommendation_id = $1`, [id]);
        if (ids.length) await em.query(`INSERT INTO recommendation_evidence (recommendation_id, evidence_id) SELECT $1, unnest($2::uuid[])`, [id, ids]);
      }
      await em.query(`UPDATE mission_recommendation SET status = coalesce($2, status), follow_up_note = coalesce($3, follow_up_note), updated_at = now() WHERE id = $1`, [
        id,
        request.status ?? null,
        request.followUpNote ?? null,
      ]);
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: 'mission.recommendation_followed_up',
        entityType: 'mission',
        entityId: rec.mission_id,
        data: { recommendationId: id, from: rec.status, status: request.status ?? rec.status, evidenceIds: request.evidenceIds ?? null },
      });
    });
    return (await this.recommendations(this.dataSource.manager, 'r.id = $1', [id]))[0];
  }

  /**
   * A recommendation as the Commission turns it into a corrective measure (the Action Plan owns the
   * measure and writes it): locked, with whether its mission's report is shared; 404 for anyone else.
   */
  async recommendationForMeasure(em: EntityManager, viewer: Viewer, id: string): Promise<{ missionId: string; benchmarkId: string; text: string; owner: string | null; dueDate: string | null; reportShared: boolean }> {
    const { rec, mission, access } = await this.loadRecommendation(em, viewer, id, true);
    if (access !== 'commission') throw refuse.notFound('recommendation.not-found', { id });
    return { missionId: rec.mission_id, benchmarkId: rec.benchmark_id, text: rec.text, owner: rec.owner, dueDate: rec.due_date, reportShared: !!mission.report_shared_at };
  }

  /** One recommendation as the mission page shows it. */
  async recommendation(id: string): Promise<RecommendationDto> {
    return (await this.recommendations(this.dataSource.manager, 'r.id = $1', [id]))[0];
  }

  /** The experts the Commission can assign to a mission. */
  async experts(): Promise<ExpertDto[]> {
    const rows = await this.dataSource.query(
      `SELECT u.id, u.display_name, o.name AS organisation, o.member_state FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.disabled_at IS NULL AND EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.role = 'expert') ORDER BY u.display_name`,
    );
    return rows.map((r: Row) => ({ id: r.id, displayName: r.display_name, organisation: r.organisation, memberState: r.member_state?.trim() ?? null }));
  }

  /** Deadlines of experts' missions and of recommendations (for the inbox). */
  async reminderRows(viewer: Viewer, now: Date, days: number): Promise<Row[]> {
    return this.dataSource.query(
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

/** The mission of `currentMissionSql`; the report only to its reviewers, or once shared. */
export function currentMissionDto(m: Row | null, reviewer: boolean): MissionDto | null {
  if (!m) return null;
  return {
    id: m.id,
    startDate: day(m.start_date) as string,
    endDate: day(m.end_date) as string,
    experts: m.experts,
    report: m.file_name && (reviewer || m.report_shared_at) ? { fileName: m.file_name, sha256: m.sha256, size: Number(m.size), uploadedAt: iso(m.report_submitted_at) as string } : null,
  };
}
