import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { type Param, refuse, rows, sql } from '@bt/api/core';
import { projectToCite } from '@bt/api/assistance';
import { findBenchmarkScope } from '@bt/api/catalogue';
import { missionExpert } from '@bt/api/missions';
import type {
  AssessmentDto,
  AssessmentRequest,
  AssessmentVoice,
  BenchmarkAssessmentsDto,
  ChapterFiguresDto,
  ChapterFiguresQuery,
  ChapterOverviewDto,
  OverviewGradeDto,
  OverviewQuery,
  RecordAssessmentRequest,
} from '@bt/contracts';
import { type Actor, auditActor, type Viewer } from '@bt/api/identity';
import { BENCHMARK_STATES, type BenchmarkState } from '@bt/workflow';
import { type ViewerFacts, viewerFacts, visibleAssessments, voiceOf } from './assessment-voices';

/** Benchmarks per overview answer, unless the query asks otherwise. */
const OVERVIEW_PAGE_SIZE = 50;

/** The chapter a statement is about, and what the viewer may see: each one parameter however often it is written. */
interface ChapterScope {
  country: Param;
  chapter: Param;
  facts: ViewerFacts;
  /** The period asked for, or null. */
  period: Param;
}

function chapterScope(viewer: Viewer | null, query: { country: string; period?: string }, chapter: number): ChapterScope {
  return { country: sql.param(query.country), chapter: sql.param(chapter), facts: viewerFacts(viewer), period: sql.param(query.period ?? null) };
}

/**
 * The periods of a chapter the viewer sees (chapter_period, kept by triggers; an expert's own
 * benchmarks besides) and the one `chosen`: the asked period, else the latest, else this year.
 */
function periodsSql({ country, chapter, facts, period }: ChapterScope) {
  const roles = sql`${facts.roles}::text[]`;
  return sql`periods AS (
         SELECT c.period FROM chapter_period c
          WHERE c.country_code = ${country} AND c.chapter_number = ${chapter}
            AND (c.published OR 'commission' = ANY(${roles}) OR (${facts.country}::text = ${country} AND ${roles} && ARRAY['ministry', 'civil_society']))
         UNION
         SELECT s.period FROM benchmark b JOIN area a ON a.id = b.area_id JOIN assessment s ON s.benchmark_id = b.id
          WHERE 'expert' = ANY(${roles}) AND a.country_code = ${country} AND a.chapter_number = ${chapter} AND ${missionExpert(sql.raw('b.id'), sql`${facts.user}::uuid`)}
       ), chosen AS (
         SELECT coalesce(${period}::text, (SELECT max(period) FROM periods), to_char(now(), 'YYYY')) AS period
       )`;
}

/** An assessment as COLUMNS read it. */
interface AssessmentRow {
  id: string;
  benchmark_id: string;
  voice: AssessmentVoice;
  period: string;
  preparation: AssessmentDto['preparation'];
  progress: AssessmentDto['progress'];
  text: string;
  created_at: Date;
  organisation_id: string;
  organisation: string;
  display_name: string;
  source_project_id: string | null;
  source_project_title: string;
}

const COLUMNS =
  sql.raw(`s.id, s.benchmark_id, s.voice, s.period, s.preparation, s.progress, s.text, s.created_at, s.organisation_id, o.name AS organisation, u.display_name,
  s.source_project_id, (SELECT sp.title FROM assistance_project sp WHERE sp.id = s.source_project_id) AS source_project_title`);

/**
 * The three voices on a benchmark, per reporting period: the Commission's assessment, the ministry's
 * self-assessment and each CSO's shadow assessment. Append-only: the history is every row, the
 * current assessment of a voice (per organisation and period) its latest row.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Adds an assessment inside the caller's transaction (ACCEPT records the Commission's this way). */
  async insert(
    em: EntityManager,
    viewer: Viewer,
    benchmarkId: string,
    voice: AssessmentVoice,
    request: AssessmentRequest & { period: string; sourceProjectId?: string | null },
  ): Promise<{ id: string; period: string }> {
    const text = request.text.trim();
    if (!text) throw refuse.unprocessable('assessment.text-empty');
    const [row] = await em.query<{ id: string }[]>(
      `INSERT INTO assessment (benchmark_id, voice, period, preparation, progress, text, author_id, organisation_id, source_project_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [benchmarkId, voice, request.period, request.preparation, request.progress, text, viewer.userId, viewer.organisationId, request.sourceProjectId ?? null],
    );
    return { id: row.id, period: request.period };
  }

  /** An assessment in the caller's own voice, at any time (the period defaults to the current year). */
  async record(viewer: Actor, benchmarkRef: string, request: RecordAssessmentRequest): Promise<AssessmentDto> {
    const id = await this.dataSource.transaction(async (em) => {
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      const voice = voiceOf(viewer, scope);
      if (!voice) throw refuse.forbidden('assessment.not-yours');
      if (request.sourceProjectId) {
        // A shadow assessment may name the monitoring project it comes from: one its organisation implements, in the benchmark's country.
        if (voice !== 'civil_society') throw refuse.unprocessable('assessment.source-for-civil-society-only');
        const project = await projectToCite(em, request.sourceProjectId, viewer.organisationId);
        if (!project) throw refuse.unprocessable('assessment.source-not-found');
        if (project.country !== scope.countryCode)
          throw refuse.unprocessable('assessment.source-of-another-country', { country: project.country, benchmarkCountry: scope.countryCode });
        if (!project.implemented) throw refuse.unprocessable('assessment.source-not-implemented-by-you', { title: project.title });
      }
      const saved = await this.insert(em, viewer, scope.id, voice, { ...request, period: request.period ?? String(new Date().getFullYear()) });
      await this.audit.record(em, auditActor(viewer), {
        action: 'assessment.recorded',
        entityType: 'benchmark',
        entityId: scope.id,
        data: {
          assessmentId: saved.id,
          voice,
          period: saved.period,
          preparation: request.preparation,
          progress: request.progress,
          sourceProjectId: request.sourceProjectId ?? null,
        },
      });
      return saved.id;
    });
    const [row] = await rows<AssessmentRow>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM assessment s JOIN organisation o ON o.id = s.organisation_id JOIN app_user u ON u.id = s.author_id WHERE s.id = ${id}`,
    );
    return toDto(row);
  }

  /** Every assessment of the benchmark the caller may see (newest first) and the three current voices per period. */
  async ofBenchmark(viewer: Viewer | null, benchmarkRef: string): Promise<BenchmarkAssessmentsDto> {
    const scope = await findBenchmarkScope(this.dataSource.manager, benchmarkRef);
    const found = await rows<AssessmentRow>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM assessment s JOIN organisation o ON o.id = s.organisation_id JOIN app_user u ON u.id = s.author_id
         JOIN benchmark b ON b.id = s.benchmark_id JOIN area a ON a.id = b.area_id
        WHERE s.benchmark_id = ${scope.id} AND ${visibleAssessments(viewerFacts(viewer))}
        ORDER BY s.created_at DESC, s.id`,
    );
    const history: AssessmentDto[] = found.map(toDto);
    const periods = [...new Set(history.map((a) => a.period))].sort().reverse();
    return { history, periods: periods.map((period) => ({ period, ...voices(history.filter((a) => a.period === period)) })) };
  }

  /**
   * A page of a chapter's benchmarks × the three current voices for one period, in one statement:
   * the periods the viewer sees (chapter_period, kept by triggers; an expert's own benchmarks besides),
   * then the page in catalogue order with each row's current grades (assessment_current_idx).
   */
  async overview(viewer: Viewer | null, query: OverviewQuery): Promise<ChapterOverviewDto> {
    const chapter = Number(query.chapter);
    const pageSize = query.pageSize ?? OVERVIEW_PAGE_SIZE;
    const scope = chapterScope(viewer, query, chapter);
    const after = query.after
      ? sql`AND (a.position, b.position, b.code) > (SELECT a.position, b.position, b.code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.code = ${query.after})`
      : sql``;
    const [row] = await rows<{ period: string; periods: string[]; rows: (ChapterOverviewDto['rows'][number]['benchmark'] & { grades: OverviewGradeDto[] })[] }>(
      this.dataSource,
      sql`WITH ${periodsSql(scope)}, page AS (
         SELECT b.id, b.code, b.state, a.code AS area, a.title AS area_title, a.position AS area_position, b.position
           FROM area a JOIN benchmark b ON b.area_id = a.id
          WHERE a.country_code = ${scope.country} AND a.chapter_number = ${scope.chapter} ${after}
          ORDER BY a.position, b.position, b.code LIMIT ${pageSize + 1}
       )
       SELECT (SELECT period FROM chosen) AS period, (SELECT coalesce(array_agg(period ORDER BY period DESC), '{}') FROM periods) AS periods,
              (SELECT coalesce(json_agg(json_build_object('id', p.id, 'code', p.code, 'state', p.state, 'area', p.area, 'areaTitle', p.area_title,
                        'grades', (SELECT coalesce(json_agg(g), '[]') FROM (
                           SELECT DISTINCT ON (s.voice, s.organisation_id) s.id, s.voice, o.name AS organisation, s.organisation_id AS "organisationId",
                                  s.period, s.preparation, s.progress, s.created_at AS "createdAt"
                             FROM assessment s JOIN organisation o ON o.id = s.organisation_id JOIN benchmark b ON b.id = s.benchmark_id JOIN area a ON a.id = b.area_id
                            WHERE s.benchmark_id = p.id AND s.period = (SELECT period FROM chosen) AND ${visibleAssessments(scope.facts)}
                            ORDER BY s.voice, s.organisation_id, s.created_at DESC) g))
                      ORDER BY p.area_position, p.position, p.code), '[]')
                 FROM page p) AS rows`,
    );
    const page = row.rows;
    const more = page.length > pageSize;
    if (more) page.pop();
    const periods = row.periods;
    return {
      country: query.country,
      chapter,
      period: row.period,
      periods: periods.includes(row.period) ? periods : [row.period, ...periods],
      rows: page.map(({ grades, ...benchmark }) => ({
        benchmark,
        ...voices(grades.map((g) => ({ ...g, createdAt: new Date(g.createdAt).toISOString() }))),
      })),
      next: more ? page[page.length - 1].code : null,
    };
  }

  /**
   * A chapter in figures, for its home page: benchmarks per area and workflow state (public, as the
   * list), and per voice how many current assessments of the period give each grade — counting only
   * the assessments the viewer may see, as the overview shows them.
   */
  async figures(viewer: Viewer | null, query: ChapterFiguresQuery): Promise<ChapterFiguresDto> {
    const chapter = Number(query.chapter);
    const scope = chapterScope(viewer, query, chapter);
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const states = await rows<{ code: string; title: string; state: BenchmarkState; n: number }>(
        em,
        sql`SELECT a.code, a.title, b.state, count(*)::int AS n FROM area a JOIN benchmark b ON b.area_id = a.id
          WHERE a.country_code = ${query.country} AND a.chapter_number = ${chapter} GROUP BY a.code, a.title, a.position, b.state ORDER BY a.position, a.code`,
      );
      const grades = await rows<{
        period: string;
        periods: string[];
        voice: AssessmentVoice | null;
        scale: 'preparation' | 'progress' | null;
        grade: string | null;
        n: number | null;
      }>(
        em,
        sql`WITH ${periodsSql(scope)}, current AS (
           SELECT DISTINCT ON (s.benchmark_id, s.voice, s.organisation_id) s.voice, s.preparation, s.progress
             FROM assessment s JOIN benchmark b ON b.id = s.benchmark_id JOIN area a ON a.id = b.area_id
            WHERE a.country_code = ${scope.country} AND a.chapter_number = ${scope.chapter} AND s.period = (SELECT period FROM chosen) AND ${visibleAssessments(scope.facts)}
            ORDER BY s.benchmark_id, s.voice, s.organisation_id, s.created_at DESC
         )
         SELECT c.period, (SELECT coalesce(array_agg(period ORDER BY period DESC), '{}') FROM periods) AS periods, g.voice, g.scale, g.grade, g.n
           FROM chosen c LEFT JOIN LATERAL (
             SELECT voice, 'preparation' AS scale, preparation AS grade, count(*)::int AS n FROM current GROUP BY voice, preparation
             UNION ALL
             SELECT voice, 'progress', progress, count(*)::int FROM current GROUP BY voice, progress
           ) g ON true`,
      );
      const areas: ChapterFiguresDto['areas'] = [];
      for (const row of states) {
        let area = areas.at(-1);
        if (area?.code !== row.code)
          areas.push(
            (area = {
              code: row.code,
              title: row.title,
              total: 0,
              states: Object.fromEntries(BENCHMARK_STATES.map((st) => [st, 0])) as Record<BenchmarkState, number>,
            }),
          );
        area.states[row.state] = row.n;
        area.total += row.n;
      }
      const voices = new Map<AssessmentVoice, ChapterFiguresDto['voices'][number]>();
      for (const row of grades) {
        if (!row.voice || !row.scale || !row.grade || !row.n) continue;
        const voice = voices.get(row.voice) ?? { voice: row.voice, assessments: 0, preparation: {}, progress: {} };
        voices.set(row.voice, voice);
        (voice[row.scale] as Record<string, number>)[row.grade] = row.n;
        if (row.scale === 'preparation') voice.assessments += row.n;
      }
      const period = grades[0].period;
      const periods = grades[0].periods;
      return {
        country: query.country,
        chapter,
        period,
        periods: periods.includes(period) ? periods : [period, ...periods],
        areas,
        voices: (['commission', 'ministry', 'civil_society'] as const).flatMap((v) => (voices.has(v) ? [voices.get(v)!] : [])),
      };
    });
  }
}

/** The current voice of each organisation among assessments of one period (newest first, or any order). */
export function voices<T extends OverviewGradeDto>(assessments: T[]): { commission: T | null; ministry: T | null; civilSociety: T[] } {
  const latest = new Map<string, T>();
  for (const a of assessments) {
    const key = `${a.voice}:${a.organisationId}`;
    const known = latest.get(key);
    if (!known || known.createdAt < a.createdAt) latest.set(key, a);
  }
  const current = [...latest.values()].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
  return {
    commission: current.find((a) => a.voice === 'commission') ?? null,
    ministry: current.find((a) => a.voice === 'ministry') ?? null,
    civilSociety: current.filter((a) => a.voice === 'civil_society').sort((x, y) => x.organisation.localeCompare(y.organisation)),
  };
}

function toDto(r: AssessmentRow): AssessmentDto {
  return {
    id: r.id,
    voice: r.voice,
    organisation: r.organisation,
    organisationId: r.organisation_id,
    period: r.period,
    preparation: r.preparation,
    progress: r.progress,
    text: r.text,
    author: r.display_name,
    createdAt: r.created_at.toISOString(),
    sourceProject: r.source_project_id ? { id: r.source_project_id, title: r.source_project_title } : null,
  };
}
