import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Workbook } from 'exceljs';
import type { ConsiderationDto, ConsiderationFigures, ConsiderationQuery } from '@bt/contracts';
import { prepared, rows, sql } from '@bt/api/core';
import { exceljs } from '@bt/api/files';
import { countedProposalSql } from './dialogue-access';

/**
 * "Adequate consideration of their proposals", measured: per benchmark, area and chapter, how many
 * proposals civil society made, how many the ministry answered and how (its latest answer counts),
 * how long the first answer took (median) and the oldest one still waiting. Comments, replies and
 * hidden contributions are not proposals. Figures only, no texts: everyone may see them.
 */
@Injectable()
export class ConsiderationService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement: the areas' and the scope's figures as triggers keep them (consideration_area,
   * consideration_scope: one row per area and one for the chapter or country, whatever their size),
   * and a page of the benchmarks' figures in catalogue order (`after` / `next`) from
   * proposal_considered_idx (each proposal carries its first answer and latest decision).
   */
  async figures(query: ConsiderationQuery): Promise<ConsiderationDto> {
    const pageSize = query.pageSize ?? PAGE_SIZE;
    const [country, chapter, after] = [sql.param(query.country), sql.param(query.chapter ?? null), sql.param(query.after ?? null)];
    const [row] = await rows<{
      areas: (FiguresRow & { code: string; title: string })[];
      total: FiguresRow;
      benchmarks: (FiguresRow & { id: string; code: string; area_code: string })[];
    }>(
      prepared(this.dataSource),
      sql`WITH scope AS NOT MATERIALIZED (
         SELECT a.id AS area_id, a.code AS area_code, a.chapter_number, a.position AS area_position, b.id, b.code, b.position
           FROM area a JOIN benchmark b ON b.area_id = a.id
          WHERE a.country_code = ${country} AND (${chapter}::int IS NULL OR a.chapter_number = ${chapter})
       ), page AS (
         SELECT s.* FROM scope s
          WHERE ${after}::text IS NULL OR (s.chapter_number, s.area_position, s.position, s.code) >
                (SELECT a.chapter_number, a.position, b.position, b.code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.code = ${after})
          ORDER BY s.chapter_number, s.area_position, s.position, s.code LIMIT ${pageSize + 1}
       )
       SELECT (SELECT coalesce(json_agg(x ORDER BY x.chapter_number, x.position, x.code), '[]') FROM (
                 SELECT a.code, a.title, a.chapter_number, a.position, ${KEPT_FIGURES('f')}
                   FROM area a LEFT JOIN consideration_area f ON f.area_id = a.id
                  WHERE a.country_code = ${country} AND (${chapter}::int IS NULL OR a.chapter_number = ${chapter})) x) AS areas,
              (SELECT row_to_json(t) FROM (SELECT ${KEPT_FIGURES('f')} FROM (SELECT) one
                 LEFT JOIN consideration_scope f ON f.country_code = ${country} AND f.chapter_number = coalesce(${chapter}::int, 0)) t) AS total,
              (SELECT coalesce(json_agg(y ORDER BY y.chapter_number, y.area_position, y.position, y.code), '[]') FROM (
                 SELECT s.id, s.code, s.area_code, s.chapter_number, s.area_position, s.position, f.*
                   FROM page s CROSS JOIN LATERAL (SELECT ${FIGURES} FROM proposal p WHERE p.country_code = ${country} AND p.benchmark_id = s.id AND ${CONSIDERED}) f) y) AS benchmarks`,
    );
    const benchmarks = row.benchmarks;
    const more = benchmarks.length > pageSize;
    if (more) benchmarks.pop();
    return {
      country: query.country,
      chapter: query.chapter ?? null,
      benchmarks: benchmarks.map((r) => ({ id: r.id, code: r.code, area: r.area_code, ...figuresOf(r) })),
      next: more ? benchmarks[benchmarks.length - 1].code : null,
      areas: row.areas.map((r) => ({ code: r.code, title: r.title, ...figuresOf(r) })),
      total: figuresOf(row.total),
    };
  }

  /** The same figures as a sheet: one row per benchmark, per area and the chapter total. */
  async workbook(query: ConsiderationQuery): Promise<Workbook> {
    const data = await this.figures({ ...query, pageSize: 200 });
    // Every benchmark of the scope, page after page.
    for (let next = data.next; next; ) {
      const page = await this.figures({ ...query, pageSize: 200, after: next });
      data.benchmarks.push(...page.benchmarks);
      next = page.next;
    }
    const workbook = new (exceljs().Workbook)();
    const sheet = workbook.addWorksheet('Consideration');
    sheet.columns = [
      { header: 'Level', key: 'level', width: 10 },
      { header: 'Code', key: 'code', width: 16 },
      { header: 'Area', key: 'area', width: 40 },
      { header: 'Received', key: 'received', width: 10 },
      { header: 'Answered', key: 'answered', width: 10 },
      { header: 'Accepted', key: 'accepted', width: 10 },
      { header: 'Partly accepted', key: 'partlyAccepted', width: 15 },
      { header: 'Not accepted', key: 'notAccepted', width: 13 },
      { header: 'Median days to answer', key: 'medianDaysToAnswer', width: 22 },
      { header: 'Oldest unanswered since', key: 'oldestUnansweredAt', width: 24 },
    ];
    sheet.getRow(1).font = { bold: true };
    const areaTitle = new Map(data.areas.map((a) => [a.code, a.title]));
    for (const b of data.benchmarks) sheet.addRow({ ...b, level: 'benchmark', area: areaTitle.get(b.area) ?? b.area });
    for (const a of data.areas) sheet.addRow({ ...a, level: 'area', area: a.title });
    sheet.addRow({ level: 'total', code: `${data.country}${data.chapter ? `-${data.chapter}` : ''}`, area: '', ...data.total });
    return workbook;
  }
}

/** Benchmarks per answer, unless the query asks otherwise. */
const PAGE_SIZE = 50;

/** A proposal `p` that counts: not a comment or reply, not hidden (the dialogue's one rule). */
const CONSIDERED = sql.raw(countedProposalSql('p'));

/** The figures over proposals `p` of a benchmark: the latest answer counts, days to the first. */
const FIGURES = sql.raw(`count(p.created_at)::int AS received, count(p.answer_decision)::int AS answered,
  count(*) FILTER (WHERE p.answer_decision = 'accepted')::int AS accepted,
  count(*) FILTER (WHERE p.answer_decision = 'partly_accepted')::int AS partly_accepted,
  count(*) FILTER (WHERE p.answer_decision = 'not_accepted')::int AS not_accepted,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.first_answered_at - p.created_at) / 86400) AS median_days,
  min(p.created_at) FILTER (WHERE p.answer_decision IS NULL) AS oldest_unanswered`);

/**
 * The figures of a row of consideration_area or consideration_scope (the migration
 * 1795660000000-consideration-facts keeps them, counted as FIGURES counts): the same columns.
 */
const KEPT_FIGURES = (f: string) =>
  sql.raw(`${f}.received, ${f}.answered, ${f}.accepted, ${f}.partly_accepted, ${f}.not_accepted, ${f}.median_days, ${f}.oldest_unanswered`);

/**
 * A row of FIGURES or KEPT_FIGURES, read inside JSON (json_agg, row_to_json): the oldest as ISO text;
 * every figure null for an area or scope that has no row yet (its LEFT JOIN found none).
 */
interface FiguresRow {
  received: number | null;
  answered: number | null;
  accepted: number | null;
  partly_accepted: number | null;
  not_accepted: number | null;
  median_days: number | null;
  oldest_unanswered: string | null;
}

/** The figures of a row of FIGURES; an area without proposals has none (zero). */
function figuresOf(r: FiguresRow): ConsiderationFigures {
  return {
    received: r.received ?? 0,
    answered: r.answered ?? 0,
    accepted: r.accepted ?? 0,
    partlyAccepted: r.partly_accepted ?? 0,
    notAccepted: r.not_accepted ?? 0,
    medianDaysToAnswer: r.median_days == null ? null : Math.round(Number(r.median_days) * 10) / 10,
    oldestUnansweredAt: r.oldest_unanswered ? new Date(r.oldest_unanswered).toISOString() : null,
  };
}
