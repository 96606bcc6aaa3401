import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rows, type Sql, sql } from '@bt/api/core';
import type { BenchmarkScope } from '@bt/api/catalogue';
import { seesDialogue } from '@bt/api/dialogue';
import { visibleEvidence } from '@bt/api/evidence';
import { hasRole, type Viewer } from '@bt/api/identity';
import { missionExpert } from '@bt/api/missions';
import { SEARCH_KINDS, SEARCH_PAGE_SIZE, type SearchKind, type SearchQuery, type SearchResultDto } from '@bt/contracts';
import { MATCH_END, MATCH_START, searchTerms, snippetParts } from './search-terms';

/**
 * What a viewer may find, decided by the domains' own rules (`visibleEvidence`, `seesDialogue`)
 * for each country and each benchmark of the viewer's missions — the only things those rules
 * depend on — and handed to SQL as parameters, so a hidden row never leaves the database.
 */
interface SearchRules {
  /** Country code → the evidence visibilities the viewer sees there. */
  evidenceByCountry: Record<string, string[]>;
  /** Benchmark id → the same, for benchmarks of the viewer's missions (they may see more there). */
  evidenceByBenchmark: Record<string, string[]>;
  dialogueCountries: string[];
  dialogueBenchmarks: string[];
}

const HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`;
// Codes and file names are indexed split at their separators (see the migration); headlines read them the same way.
const words = (sql: string) => `regexp_replace(${sql}, '[-_./\\\\]+', ' ', 'g')`;

/**
 * Beyond this many matches a group is counted as "200+" and shown newest first: ranking (and
 * counting) them all means reading every matching row for its visibility, which costs more than it
 * tells — such a query needs more words.
 */
export const RANKED_MATCHES = 200;

interface KindQuery {
  /** The matching rows of `query` the viewer may see, given how a visibility test is written (see `visible`); `v.map` is the viewer's scope (see `scopeSql`). */
  from: (visible: Visible, query: Sql) => Sql;
  /** The row's benchmark id (for its entry in the scope). */
  benchmark: string;
  /** id, title, evidence_id. */
  columns: string;
  /** The row's tsvector, ranked only when the group is small enough. */
  vector: string;
  /** Newest first when there are too many to rank. */
  recency: string;
  /** The table a hit's snippet is cut from (joined as `x` for the page only), and the text. */
  table: string;
  body: string;
}

/** The query as a constant of each statement (not a CTE column), so the planner estimates its matches from the statistics; its words one parameter. */
const tsQuery = (terms: string) => sql`to_tsquery('bt_search'::regconfig, ${sql.param(terms)})`;
/**
 * What the viewer may find per benchmark (of the country asked for), from the rules:
 * one map benchmark id → {code, evidence: visibilities, dialogue}, computed once for the statement.
 * A lookup in it is a filter, never a join: a join with a row set the planner cannot count invited
 * it to repeat the GIN scan once per benchmark (a country filter cost 60 scans of the index).
 */
function scopeSql(searchRules: SearchRules, countryAsked: string | null): Sql {
  const [rules, country] = [sql`${sql.param(JSON.stringify(searchRules))}::jsonb`, sql.param(countryAsked)];
  return sql`scope AS MATERIALIZED (
  SELECT coalesce(jsonb_object_agg(b.id, jsonb_build_object('code', b.code,
      'evidence', coalesce(${rules} -> 'evidenceByBenchmark' -> b.id::text, ${rules} -> 'evidenceByCountry' -> a.country_code::text, '[]'),
      'dialogue', ${rules} -> 'dialogueCountries' ? a.country_code::text OR ${rules} -> 'dialogueBenchmarks' ? b.id::text)), '{}') AS map
  FROM benchmark b JOIN area a ON a.id = b.area_id WHERE ${country}::text IS NULL OR a.country_code = ${country})`;
}
/** The scope's entry for a row's benchmark (null outside the country asked for). */
const scoped = (benchmark: string) => `(v.map -> ${benchmark}::text)`;
const raw = sql.raw;
/**
 * A row's visibility test, written for the planner: as a bare `?` it counts as 0.1% of the rows,
 * which keeps the candidate scan a GIN bitmap scan that stops early; in `coalesce` as half, so that
 * the newest page of a group with many matches walks the recency index until ten are found instead
 * of sorting every match.
 */
type Visible = (test: string) => string;
const rare: Visible = (test) => test;
const common: Visible = (test) => `coalesce(${test}, false)`;
/** A catalogue text (a benchmark, a sub-requirement), public: found wherever its benchmark is in the scope, shown by its code, its text the snippet's. */
function catalogueText(table: 'benchmark' | 'sub_requirement', alias: string, benchmark: string, recency: string): KindQuery {
  return {
    from: (_, query) => sql`${raw(`${table} ${alias}`)}, scope v WHERE ${raw(`${alias}.search`)} @@ ${query} AND ${raw(scoped(benchmark))} IS NOT NULL`,
    benchmark,
    columns: `${alias}.id, ${alias}.code AS title, NULL::uuid AS evidence_id`,
    vector: `${alias}.search`,
    recency,
    table,
    body: 'x.text',
  };
}
const KINDS: Record<SearchKind, KindQuery> = {
  benchmark: catalogueText('benchmark', 'b', 'b.id', 'b.created_at'),
  sub_requirement: catalogueText('sub_requirement', 's', 's.benchmark_id', 's.position'),
  evidence: {
    from: (visible, query) =>
      sql`evidence e, scope v WHERE e.search @@ ${query} AND ${raw(visible(`${scoped('e.benchmark_id')} -> 'evidence' ? e.visibility`))}`,
    benchmark: 'e.benchmark_id',
    columns: `e.id, e.title, e.id AS evidence_id`,
    vector: 'e.search',
    recency: `e.updated_at`,
    table: 'evidence',
    body: `x.title || E'\\n' || x.narrative`,
  },
  // Files of the items' current versions, found by name.
  file: {
    from: (
      visible,
      query,
    ) => sql`stored_file s JOIN evidence_file f ON f.stored_file_id = s.id AND f.removed_in_version IS NULL JOIN evidence e ON e.id = f.evidence_id, scope v
      WHERE to_tsvector('bt_search'::regconfig, ${raw(words('s.file_name'))}) @@ ${query} AND ${raw(visible(`${scoped('e.benchmark_id')} -> 'evidence' ? e.visibility`))}`,
    benchmark: 'e.benchmark_id',
    columns: `s.id, s.file_name AS title, e.id AS evidence_id`,
    vector: `to_tsvector('bt_search'::regconfig, ${words('s.file_name')})`,
    recency: `s.uploaded_at`,
    table: 'stored_file',
    body: words('x.file_name'),
  },
  // Proposals and comments, for those who see the dialogue of their benchmark; moderated ones are hidden.
  proposal: {
    from: (visible, query) =>
      sql`proposal p, scope v WHERE p.search @@ ${query} AND p.hidden_at IS NULL AND ${raw(visible(`(${scoped('p.benchmark_id')} ->> 'dialogue')::boolean`))}`,
    benchmark: 'p.benchmark_id',
    columns: `p.id, left(p.text, 120) AS title, NULL::uuid AS evidence_id`,
    vector: 'p.search',
    recency: `p.created_at`,
    table: 'proposal',
    body: 'x.text',
  },
};

/**
 * One kind's part of the search statement: up to RANKED_MATCHES + 1 candidates (a GIN bitmap scan
 * that stops early); when they are all, the best page by rank; when there are more, the newest page
 * by a second scan that stops after one page (there are at least 200 matches, so a walk of the recency
 * index finds ten soon). The snippet is cut for the page's rows only.
 */
function kindSql(kind: SearchKind, offset: number, query: Sql): { cte: Sql; select: Sql } {
  const k = KINDS[kind];
  const id = raw(k.columns.split(',')[0]);
  const columns = raw(`${k.columns}, ${scoped(k.benchmark)} ->> 'code' AS benchmark_code`);
  // The code's own numbers and names, written into the statement (not parameters), as the planner saw them before.
  const page = raw(`LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}`);
  const [name, ranked] = [raw(`c_${kind}`), raw(String(RANKED_MATCHES))];
  return {
    cte: sql`${name} AS (SELECT ${columns}, ${raw(k.vector)} AS vector FROM ${k.from(rare, query)} LIMIT ${raw(String(RANKED_MATCHES + 1))})`,
    // `ord` keeps the page's order through the union; the snippet is one primary-key lookup per hit.
    select: sql`SELECT ${raw(`'${kind}'`)} AS kind, t.total, hit.id, hit.benchmark_code, hit.title, hit.evidence_id, hit.ord,
        (SELECT ts_headline('bt_search'::regconfig, ${raw(k.body)}, ${query}, ${raw(`'${HEADLINE}'`)}) FROM ${raw(k.table)} x WHERE x.id = hit.id) AS headline
      FROM (SELECT count(*)::int AS total FROM ${name}) t
      LEFT JOIN LATERAL (
        SELECT z.*, row_number() OVER () AS ord FROM (SELECT c.id, c.title, c.evidence_id, c.benchmark_code FROM ${name} c
          WHERE t.total <= ${ranked} ORDER BY ts_rank(c.vector, ${query}) DESC, c.id ${page}) z
        UNION ALL
        SELECT z.*, row_number() OVER () FROM (SELECT ${columns} FROM ${k.from(common, query)} AND t.total > ${ranked}
          ORDER BY ${raw(k.recency)} DESC, ${id} DESC ${page}) z
      ) hit ON true`,
  };
}

/**
 * A kind the viewer may see nothing of anywhere is not searched at all: its rows would all be read
 * only to be refused. That is the dialogue for whoever takes part in none (an anonymous visitor);
 * evidence always has its public items.
 */
function seesNone(kind: SearchKind, rules: SearchRules): boolean {
  return kind === 'proposal' && rules.dialogueCountries.length === 0 && rules.dialogueBenchmarks.length === 0;
}

/** A hit of one kind's part, or the kind's count alone (no hit: `id` null). */
interface HitRow {
  kind: SearchKind;
  total: number;
  id: string | null;
  benchmark_code: string;
  title: string;
  evidence_id: string | null;
  ord: string;
  headline: string | null;
}

/** Full-text search across the catalogue, evidence (texts and file names) and proposals, as far as the viewer may see them. */
@Injectable()
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(viewer: Viewer | null, request: SearchQuery): Promise<SearchResultDto> {
    const kinds = request.kind ? [request.kind] : [...SEARCH_KINDS];
    const terms = searchTerms(request.q);
    if (!terms) return { groups: kinds.map((kind) => ({ kind, total: 0, totalCapped: false, items: [] })) };
    const rules = await this.rules(viewer);
    const offset = ((request.page ?? 1) - 1) * SEARCH_PAGE_SIZE;
    // One statement, one round trip: per kind the count of its matches and one page of them.
    const query = tsQuery(terms);
    const parts = kinds.filter((kind) => !seesNone(kind, rules)).map((kind) => kindSql(kind, offset, query));
    const found = parts.length
      ? await rows<HitRow>(
          this.dataSource,
          sql`WITH ${scopeSql(rules, request.country ?? null)},
      ${sql.join(
        parts.map((p) => p.cte),
        ',\n',
      )}
      ${sql.join(
        parts.map((p) => sql`(${p.select})`),
        '\nUNION ALL\n',
      )}`,
        )
      : [];
    return {
      groups: kinds.map((kind) => {
        const mine = found.filter((r) => r.kind === kind);
        const total = mine[0]?.total ?? 0;
        return {
          kind,
          total: Math.min(total, RANKED_MATCHES),
          totalCapped: total > RANKED_MATCHES,
          items: mine
            .filter((r): r is HitRow & { id: string } => !!r.id)
            .sort((a, b) => Number(a.ord) - Number(b.ord))
            .map((r) => ({
              kind,
              id: r.id,
              benchmarkCode: r.benchmark_code,
              title: r.title,
              snippet: snippetParts(r.headline ?? ''),
              ...(kind === 'file' ? { evidenceId: r.evidence_id ?? undefined } : {}), // a file always names its evidence item
            })),
        };
      }),
    };
  }

  private async rules(viewer: Viewer | null): Promise<SearchRules> {
    const countries: { code: string }[] = await this.dataSource.query(`SELECT trim(code) AS code FROM country`);
    // The benchmarks of the viewer's missions (a mission may cover several).
    const missions =
      viewer && hasRole(viewer, 'expert')
        ? await rows<{ id: string; country_code: string }>(
            this.dataSource,
            sql`SELECT b.id, trim(a.country_code) AS country_code FROM benchmark b JOIN area a ON a.id = b.area_id
              WHERE ${missionExpert(raw('b.id'), sql`${viewer.userId}::uuid`)}`,
          )
        : [];
    const scope = (countryCode: string, id = ''): BenchmarkScope => ({ id, code: '', countryCode, state: 'draft', version: 0 });
    const rules: SearchRules = { evidenceByCountry: {}, evidenceByBenchmark: {}, dialogueCountries: [], dialogueBenchmarks: [] };
    for (const { code } of countries) {
      rules.evidenceByCountry[code] = visibleEvidence(viewer, scope(code), false);
      if (seesDialogue(viewer, scope(code), false)) rules.dialogueCountries.push(code);
    }
    for (const mission of missions) {
      rules.evidenceByBenchmark[mission.id] = visibleEvidence(viewer, scope(mission.country_code, mission.id), true);
      if (seesDialogue(viewer, scope(mission.country_code, mission.id), true)) rules.dialogueBenchmarks.push(mission.id);
    }
    return rules;
  }
}
