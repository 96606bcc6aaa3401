import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Param, prepared, rows, sql } from '@bt/api/core';
import { missionExpert } from '@bt/api/missions';
import type { AssessmentVoice, ChapterFiguresDto, ChapterFiguresQuery, ChapterOverviewDto, OverviewGradeDto, OverviewQuery } from '@bt/contracts';
import type { Viewer } from '@bt/api/identity';
import { BENCHMARK_STATES, type BenchmarkState } from '@bt/workflow';
import { type ViewerFacts, viewerFacts, visibleAssessments } from './assessment-voices';
import { voices } from './assessments.service';

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

/**
 * A chapter's assessments read whole: the overview (its benchmarks × the three current voices of a
 * period) and the figures (grades counted per voice and area) — what the chapter overview, the home
 * page and the chapter report show. One benchmark's assessments, and recording one, are AssessmentsService's.
 */
@Injectable()
export class ChapterAssessmentsService {
  constructor(private readonly dataSource: DataSource) {}

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
      prepared(this.dataSource),
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
