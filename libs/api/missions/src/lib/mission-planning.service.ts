import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { isUuid } from '@bt/api/catalogue';
import type { CreateMissionRequest, ExpertDto, MissionDetailDto, MissionPlanRequest, UpdateMissionRequest } from '@bt/contracts';
import { type Actor, auditActor } from '@bt/api/identity';
import { MissionsService } from './missions.service';

/**
 * Planning peer-review missions: a new mission (the Commission's, or the one-benchmark mission
 * START_PEER_REVIEW plans inside its transaction), its corrections (title, dates, experts, scope),
 * and the experts who may be assigned.
 */
@Injectable()
export class MissionPlanningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly missions: MissionsService,
  ) {}

  /** Plans a mission inside START_PEER_REVIEW's transaction; every expert must hold the expert role. */
  async plan(em: EntityManager, benchmarkId: string, plan: MissionPlanRequest, createdBy: string | null = null): Promise<string> {
    const experts = await this.checkExperts(em, plan.expertIds);
    const [mission] = await em.query<{ id: string }[]>(
      `INSERT INTO mission (benchmark_id, start_date, end_date, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [benchmarkId, plan.startDate, plan.endDate, createdBy],
    );
    for (const id of experts) await em.query(`INSERT INTO mission_expert (mission_id, user_id) VALUES ($1, $2)`, [mission.id, id]);
    return mission.id;
  }

  /** The benchmarks of a scope given as codes or ids, each with its country; 422 unless every one exists. */
  private async scopeBenchmarks(em: EntityManager, refs: string[]): Promise<{ id: string; code: string; country_code: string }[]> {
    const unique = [...new Set(refs)];
    const benchmarks = await em.query<{ id: string; code: string; country_code: string }[]>(
      `SELECT b.id, b.code, a.country_code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.code = ANY($1) OR b.id::text = ANY($2)`,
      [unique, unique.filter(isUuid)],
    );
    if (benchmarks.length !== unique.length) throw refuse.unprocessable('mission.scope-benchmark-unknown');
    return benchmarks;
  }

  private async checkExperts(em: EntityManager, expertIds: string[]): Promise<string[]> {
    const experts = await em.query<{ user_id: string }[]>(
      `SELECT DISTINCT r.user_id FROM role_assignment r JOIN app_user u ON u.id = r.user_id WHERE r.role = 'expert' AND u.disabled_at IS NULL AND r.user_id = ANY($1)`,
      [expertIds],
    );
    if (experts.length !== new Set(expertIds).size) throw refuse.unprocessable('mission.expert-not-eligible');
    return experts.map((e) => e.user_id);
  }

  /** `POST /api/missions`: a mission on one or more benchmarks of one country. */
  async create(actor: Actor, request: CreateMissionRequest): Promise<MissionDetailDto> {
    if (request.endDate < request.startDate) throw refuse.unprocessable('workflow.mission-ends-before-start');
    return this.dataSource.transaction(async (em) => {
      const benchmarks = await this.scopeBenchmarks(em, request.benchmarks);
      const countries = new Set(benchmarks.map((b) => b.country_code.trim()));
      if (countries.size !== 1) throw refuse.unprocessable('mission.one-country');
      const experts = await this.checkExperts(em, request.expertIds);
      const [mission] = await em.query<{ id: string }[]>(
        `INSERT INTO mission (title, country_code, start_date, end_date, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [request.title.trim(), [...countries][0], request.startDate, request.endDate, actor.userId],
      );
      for (const b of benchmarks) await em.query(`INSERT INTO mission_benchmark (mission_id, benchmark_id) VALUES ($1, $2)`, [mission.id, b.id]);
      for (const e of experts) await em.query(`INSERT INTO mission_expert (mission_id, user_id) VALUES ($1, $2)`, [mission.id, e]);
      await this.audit.record(em, auditActor(actor), {
        action: 'mission.created',
        entityType: 'mission',
        entityId: mission.id,
        data: { title: request.title.trim(), benchmarks: benchmarks.map((b) => b.id), experts, startDate: request.startDate, endDate: request.endDate },
      });
      return this.missions.detail(actor, mission.id, em);
    });
  }

  /**
   * `PATCH /api/missions/:id`: corrects title, dates, experts or scope of a mission (the Commission).
   * The agenda must stay within the dates; the scope stays in the mission's country and keeps the
   * benchmark whose workflow planned it and every benchmark the mission has findings or recommendations on.
   */
  async update(actor: Actor, id: string, request: UpdateMissionRequest): Promise<MissionDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, access } = await this.missions.load(em, actor, id, true);
      if (access !== 'commission') throw refuse.notFound('mission.not-found', { id });
      if (row.version !== request.version) {
        throw refuse.conflict('mission.changed-meanwhile', { current: row.version, sent: request.version });
      }
      const country = row.country_code.trim();
      const current = row.benchmarks.map((b) => b.id);
      const before = { title: row.title, startDate: row.start_date, endDate: row.end_date, benchmarks: current, expertIds: row.experts.map((e) => e.id) };
      const title = request.title === undefined ? before.title : request.title.trim();
      if (!title) throw refuse.unprocessable('mission.title-empty');
      const startDate = request.startDate ?? before.startDate;
      const endDate = request.endDate ?? before.endDate;
      if (endDate < startDate) throw refuse.unprocessable('workflow.mission-ends-before-start');
      const [outside] = await em.query<{ meets_on: string; institution: string }[]>(
        `SELECT meets_on, institution FROM mission_meeting WHERE mission_id = $1 AND (meets_on < $2::date OR meets_on > $3::date) ORDER BY meets_on LIMIT 1`,
        [id, startDate, endDate],
      );
      if (outside)
        throw refuse.unprocessable('mission.meeting-would-fall-outside', {
          institution: outside.institution,
          date: outside.meets_on,
          start: startDate,
          end: endDate,
        });
      let benchmarks = current;
      if (request.benchmarks) {
        const scope = await this.scopeBenchmarks(em, request.benchmarks);
        const foreign = scope.find((b) => b.country_code.trim() !== country);
        if (foreign) throw refuse.unprocessable('mission.benchmark-of-another-country', { code: foreign.code, country });
        benchmarks = scope.map((b) => b.id);
        const codeOf = (benchmarkId: string) => row.benchmarks.find((b) => b.id === benchmarkId)?.code ?? benchmarkId;
        if (row.benchmark_id && !benchmarks.includes(row.benchmark_id))
          throw refuse.unprocessable('mission.scope-keeps-planning-benchmark', { code: codeOf(row.benchmark_id) });
        const [worked] = await em.query<{ code: string }[]>(
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
      await this.audit.record(em, auditActor(actor), { action: 'mission.updated', entityType: 'mission', entityId: id, data: { before, after } });
      return this.missions.detail(actor, id, em);
    });
  }

  /** The experts the Commission can assign to a mission. */
  async experts(): Promise<ExpertDto[]> {
    const rows = await this.dataSource.query<{ id: string; display_name: string; organisation: string; member_state: string | null }[]>(
      `SELECT u.id, u.display_name, o.name AS organisation, o.member_state FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.disabled_at IS NULL AND EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.role = 'expert') ORDER BY u.display_name`,
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, organisation: r.organisation, memberState: r.member_state?.trim() ?? null }));
  }
}
