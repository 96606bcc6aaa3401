import { Injectable } from '@nestjs/common';
import { prepared, refuse, rows, type Sql, sql } from '@bt/api/core';
import { InjectRepository } from '@nestjs/typeorm';
import { type Repository } from 'typeorm';
import { BENCHMARK_EXCERPT_LENGTH, LIST_COUNT_LIMIT } from '@bt/contracts';
import type {
  AreaDto,
  AreaListQuery,
  BenchmarkDetailDto,
  BenchmarkListItemDto,
  BenchmarkListQuery,
  BenchmarkWorkflowDto,
  Page,
  SubRequirementDto,
} from '@bt/contracts';
import { Area, Benchmark } from '@bt/api/catalogue';

const DEFAULT_PAGE_SIZE = 50;

/** Reads of the benchmark catalogue with each benchmark's workflow state. */
@Injectable()
export class BenchmarksService {
  constructor(
    @InjectRepository(Benchmark) private readonly benchmarks: Repository<Benchmark>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
  ) {}

  /**
   * One page in catalogue order, in one statement: the list's fields only (an excerpt of the text), the
   * matches counted up to LIST_COUNT_LIMIT, and `next` for the page after (keyset: `after` is the last
   * code of the page before). `page` steps only within the counted matches, so no OFFSET reads far.
   */
  async list(query: BenchmarkListQuery): Promise<Page<BenchmarkListItemDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const offset = (page - 1) * pageSize;
    if (offset >= LIST_COUNT_LIMIT) {
      throw refuse.badRequest('benchmark.list-page-too-far', { page, limit: LIST_COUNT_LIMIT });
    }
    const where = this.filters(query);
    const after = query.after
      ? sql`AND (m.country_code, m.chapter_number, m.area_position, m.position, m.code) >
             (SELECT a.country_code, a.chapter_number, a.position, b.position, b.code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.code = ${query.after})`
      : sql``;
    // The limits are the code's own numbers, written into the statement as before (not parameters).
    const [countLimit, limit] = [sql.raw(String(LIST_COUNT_LIMIT + 1)), sql.raw(`${pageSize + 1} OFFSET ${offset}`)];
    // Prepared, but for a search by words: how many benchmarks a word matches decides the best plan.
    const [row] = await rows<{ total: number; items: BenchmarkListItemDto[] }>(
      query.q ? this.benchmarks.manager : prepared(this.benchmarks.manager.connection),
      sql`WITH matching AS NOT MATERIALIZED (
         SELECT b.id, b.code, b.position, b.state, b.text, a.country_code, a.chapter_number, a.code AS area_code, a.title AS area_title, a.position AS area_position
           FROM area a JOIN benchmark b ON b.area_id = a.id
          WHERE ${where})
       SELECT (SELECT count(*)::int FROM (SELECT FROM matching LIMIT ${countLimit}) c) AS total,
              (SELECT coalesce(json_agg(json_build_object('id', m.id, 'code', m.code, 'country', trim(m.country_code), 'chapter', m.chapter_number,
                        'area', json_build_object('code', m.area_code, 'title', m.area_title), 'position', m.position, 'excerpt', ${EXCERPT}, 'state', m.state,
                        'subRequirementCount', (SELECT count(*)::int FROM sub_requirement s WHERE s.benchmark_id = m.id))), '[]')
                 FROM (SELECT * FROM matching m WHERE true ${after}
                        ORDER BY m.country_code, m.chapter_number, m.area_position, m.position, m.code LIMIT ${limit}) m) AS items`,
    );
    const items = row.items;
    const more = items.length > pageSize;
    if (more) items.pop();
    return {
      items,
      total: Math.min(row.total, LIST_COUNT_LIMIT),
      totalCapped: row.total > LIST_COUNT_LIMIT,
      page,
      pageSize,
      next: more ? items[items.length - 1].code : null,
    };
  }

  async listAreas(query: AreaListQuery): Promise<AreaDto[]> {
    const qb = this.areas
      .createQueryBuilder('a')
      .addSelect((sq) => sq.select('count(*)::int').from(Benchmark, 'b').where('b.area_id = a.id'), 'benchmark_count')
      .orderBy('a.countryCode')
      .addOrderBy('a.chapterNumber')
      .addOrderBy('a.position');
    if (query.country) qb.andWhere('a.country_code = :country', { country: query.country });
    if (query.chapter) qb.andWhere('a.chapter_number = :chapter', { chapter: query.chapter });
    const { entities, raw } = await qb.getRawAndEntities<{ benchmark_count: number }>();
    return entities.map((a, i) => ({
      code: a.code,
      title: a.title,
      intro: a.intro,
      position: a.position,
      country: a.countryCode,
      chapter: a.chapterNumber,
      benchmarkCount: raw[i].benchmark_count,
    }));
  }

  /** The list's filters as SQL over `a` (area) and `b` (benchmark). */
  private filters(query: BenchmarkListQuery): Sql {
    const where = [sql`true`];
    if (query.country) where.push(sql`a.country_code = ${query.country}`);
    if (query.chapter) where.push(sql`a.chapter_number = ${query.chapter}`);
    if (query.area) where.push(sql`a.code = ${query.area}`);
    if (query.state) where.push(sql`b.state = ${query.state}`);
    // Every word must begin a word of the code, the text or a sub-requirement (catalogue_search, one index).
    const words = catalogueQuery(query.q ?? '');
    if (words === null) where.push(sql`false`);
    else if (words) where.push(sql`b.catalogue_search @@ to_tsquery('bt_search'::regconfig, ${words})`);
    return sql.join(where, ' AND ');
  }
}

/**
 * The catalogue part of a benchmark's page as columns over `b` (benchmark) and `a` (area), for the
 * statement that reads the page in one go (BenchmarkWorkflowService.page); `detailOf` reads them.
 */
export const DETAIL_COLUMNS = `a.chapter_number, a.code AS area_code, a.title AS area_title, a.intro AS area_intro, b.position, b.text, b.text_sr, b.updated_at,
  coalesce((SELECT json_agg(json_build_object('id', s.id, 'code', s.code, 'position', s.position, 'text', s.text, 'textSr', s.text_sr) ORDER BY s.position)
              FROM sub_requirement s WHERE s.benchmark_id = b.id), '[]') AS sub_requirements`;

/** A row of DETAIL_COLUMNS, with the benchmark's id, code, country, state and version. */
export interface BenchmarkDetailRow {
  id: string;
  code: string;
  country_code: string;
  state: BenchmarkDetailDto['state'];
  version: number;
  snapshot: { value: unknown } | null;
  chapter_number: number;
  area_code: string;
  area_title: string;
  area_intro: string;
  position: number;
  text: string;
  text_sr: string | null;
  updated_at: Date;
  sub_requirements: SubRequirementDto[];
}

export function detailOf(row: BenchmarkDetailRow): Omit<BenchmarkDetailDto, keyof BenchmarkWorkflowDto> {
  const subRequirements = row.sub_requirements;
  return {
    id: row.id,
    code: row.code,
    country: row.country_code.trim(),
    chapter: row.chapter_number,
    area: { code: row.area_code, title: row.area_title, intro: row.area_intro },
    position: row.position,
    text: row.text,
    textSr: row.text_sr ?? null,
    state: row.state,
    version: row.version,
    subRequirementCount: subRequirements.length,
    updatedAt: row.updated_at.toISOString(),
    subRequirements,
  };
}

/** A list's excerpt of `m.text`: whole when short, else cut at a word boundary and closed with "…". */
const EXCERPT = sql.raw(`CASE WHEN length(m.text) <= ${BENCHMARK_EXCERPT_LENGTH} THEN m.text
  ELSE regexp_replace(left(m.text, ${BENCHMARK_EXCERPT_LENGTH - 1}), '\\s+\\S*$', '') || '…' END`);

/**
 * The words of a list search as a tsquery over `catalogue_search` (bt_search drops diacritics): every
 * word must begin a word of the benchmark (`migr` finds migration); a word joined by separators, such
 * as rs-24-ter, must find its parts in a row (its code); a word with `dj` also matches its `d`
 * spelling (unaccent turns đ into d), as in the search. Undefined: no words; null: a word without a
 * letter or digit, which nothing matches. Only letters and digits reach the tsquery.
 */
export function catalogueQuery(q: string): string | null | undefined {
  const tokens = q.split(/\s+/).filter(Boolean).slice(0, 10);
  if (!tokens.length) return undefined;
  const terms: string[] = [];
  for (const token of tokens) {
    const parts = token
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu);
    if (!parts) return null;
    terms.push(
      parts
        .map((part, i) => {
          const prefix = i === parts.length - 1 ? ':*' : '';
          return part.includes('dj') ? `(${part}${prefix} | ${part.replaceAll('dj', 'd')}${prefix})` : `${part}${prefix}`;
        })
        .join(' <-> '),
    );
  }
  return terms.join(' & ');
}
