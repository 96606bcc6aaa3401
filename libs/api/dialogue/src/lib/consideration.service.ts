import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Workbook } from 'exceljs';
import type { ConsiderationDto, ConsiderationFigures, ConsiderationQuery } from '@bt/contracts';

/**
 * "Adequate consideration of their proposals", measured: per benchmark, area and chapter, how many
 * proposals civil society made, how many the ministry answered and how (its latest answer counts),
 * how long the first answer took (median) and the oldest one still waiting. Comments, replies and
 * hidden contributions are not proposals. Figures only, no texts: everyone may see them.
 */
@Injectable()
export class ConsiderationService {
  constructor(private readonly dataSource: DataSource) {}

  async figures(query: ConsiderationQuery): Promise<ConsiderationDto> {
    const rows: Record<string, any>[] = await this.dataSource.query(
      `WITH considered AS (
         SELECT b.id AS benchmark_id, p.id, p.created_at,
                (SELECT r.decision FROM proposal_response r WHERE r.proposal_id = p.id ORDER BY r.created_at DESC LIMIT 1) AS decision,
                (SELECT extract(epoch FROM min(r.created_at) - p.created_at) / 86400 FROM proposal_response r WHERE r.proposal_id = p.id) AS days
           FROM benchmark b JOIN area a ON a.id = b.area_id
           JOIN proposal p ON p.benchmark_id = b.id AND p.kind = 'proposal' AND p.parent_id IS NULL AND p.hidden_at IS NULL
          WHERE a.country_code = $1 AND ($2::int IS NULL OR a.chapter_number = $2))
       SELECT b.id, b.code, a.code AS area_code, a.title AS area_title, a.chapter_number, a.position AS area_position, b.position,
              GROUPING(a.code, b.id) AS level,
              count(c.id)::int AS received,
              count(c.decision)::int AS answered,
              count(*) FILTER (WHERE c.decision = 'accepted')::int AS accepted,
              count(*) FILTER (WHERE c.decision = 'partly_accepted')::int AS partly_accepted,
              count(*) FILTER (WHERE c.decision = 'not_accepted')::int AS not_accepted,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY c.days) AS median_days,
              min(c.created_at) FILTER (WHERE c.decision IS NULL) AS oldest_unanswered
         FROM benchmark b JOIN area a ON a.id = b.area_id LEFT JOIN considered c ON c.benchmark_id = b.id
        WHERE a.country_code = $1 AND ($2::int IS NULL OR a.chapter_number = $2)
        GROUP BY GROUPING SETS ((a.chapter_number, a.position, a.code, a.title, b.id, b.code, b.position), (a.chapter_number, a.position, a.code, a.title), ())
        ORDER BY a.chapter_number, a.position, b.position NULLS FIRST`,
      [query.country, query.chapter ?? null],
    );
    const figures = (r: Record<string, any>): ConsiderationFigures => ({
      received: r.received,
      answered: r.answered,
      accepted: r.accepted,
      partlyAccepted: r.partly_accepted,
      notAccepted: r.not_accepted,
      medianDaysToAnswer: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
      oldestUnansweredAt: r.oldest_unanswered ? new Date(r.oldest_unanswered).toISOString() : null,
    });
    const total = rows.find((r) => r.level === 3);
    return {
      country: query.country,
      chapter: query.chapter ?? null,
      benchmarks: rows.filter((r) => r.level === 0).map((r) => ({ id: r.id, code: r.code, area: r.area_code, ...figures(r) })),
      areas: rows.filter((r) => r.level === 1).map((r) => ({ code: r.area_code, title: r.area_title, ...figures(r) })),
      total: total ? figures(total) : { received: 0, answered: 0, accepted: 0, partlyAccepted: 0, notAccepted: 0, medianDaysToAnswer: null, oldestUnansweredAt: null },
    };
  }

  /** The same figures as a sheet: one row per benchmark, per area and the chapter total. */
  async workbook(query: ConsiderationQuery): Promise<Workbook> {
    const data = await this.figures(query);
    const workbook = new Workbook();
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
