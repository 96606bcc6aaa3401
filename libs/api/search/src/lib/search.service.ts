import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BenchmarkScope } from '@bt/api/catalogue';
import { seesDialogue } from '@bt/api/dialogue';
import { visibleEvidence } from '@bt/api/evidence';
import { hasRole, type Viewer } from '@bt/api/identity';
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
 * Per kind: the matching rows the viewer may see (`q.query`, `q.rules`, `$3` the country or null),
 * with an id, the benchmark's code, a title, the text to cut a snippet from and a rank.
 */
const MATCHES: Record<SearchKind, string> = {
  benchmark: `SELECT b.id, b.code AS benchmark_code, b.code AS title, b.text AS body, NULL::uuid AS evidence_id, ts_rank(b.search, q.query) AS rank
      FROM benchmark b JOIN area a ON a.id = b.area_id, q
     WHERE b.search @@ q.query AND ($3::text IS NULL OR a.country_code = $3)`,
  sub_requirement: `SELECT s.id, b.code AS benchmark_code, s.code AS title, s.text AS body, NULL::uuid AS evidence_id, ts_rank(s.search, q.query) AS rank
      FROM sub_requirement s JOIN benchmark b ON b.id = s.benchmark_id JOIN area a ON a.id = b.area_id, q
     WHERE s.search @@ q.query AND ($3::text IS NULL OR a.country_code = $3)`,
  evidence: `SELECT e.id, b.code AS benchmark_code, e.title, e.title || E'\\n' || e.narrative AS body, e.id AS evidence_id, ts_rank(e.search, q.query) AS rank
      FROM evidence e JOIN benchmark b ON b.id = e.benchmark_id JOIN area a ON a.id = b.area_id, q
     WHERE e.search @@ q.query AND ($3::text IS NULL OR a.country_code = $3)
       AND coalesce(q.rules -> 'evidenceByBenchmark' -> e.benchmark_id::text, q.rules -> 'evidenceByCountry' -> a.country_code::text) ? e.visibility`,
  // Files of the items' current versions, found by name.
  file: `SELECT s.id, b.code AS benchmark_code, s.file_name AS title, ${words('s.file_name')} AS body, e.id AS evidence_id,
            ts_rank(to_tsvector('bt_search'::regconfig, ${words('s.file_name')}), q.query) AS rank
      FROM stored_file s JOIN evidence_file f ON f.stored_file_id = s.id AND f.removed_in_version IS NULL
      JOIN evidence e ON e.id = f.evidence_id JOIN benchmark b ON b.id = e.benchmark_id JOIN area a ON a.id = b.area_id, q
     WHERE to_tsvector('bt_search'::regconfig, ${words('s.file_name')}) @@ q.query AND ($3::text IS NULL OR a.country_code = $3)
       AND coalesce(q.rules -> 'evidenceByBenchmark' -> e.benchmark_id::text, q.rules -> 'evidenceByCountry' -> a.country_code::text) ? e.visibility`,
  // Proposals and comments, for those who see the dialogue of their benchmark; moderated ones are hidden.
  proposal: `SELECT p.id, b.code AS benchmark_code, left(p.text, 120) AS title, p.text AS body, NULL::uuid AS evidence_id, ts_rank(p.search, q.query) AS rank
      FROM proposal p JOIN benchmark b ON b.id = p.benchmark_id JOIN area a ON a.id = b.area_id, q
     WHERE p.search @@ q.query AND p.hidden_at IS NULL AND ($3::text IS NULL OR a.country_code = $3)
       AND (a.country_code::text = ANY(ARRAY(SELECT jsonb_array_elements_text(q.rules -> 'dialogueCountries')))
            OR p.benchmark_id::text = ANY(ARRAY(SELECT jsonb_array_elements_text(q.rules -> 'dialogueBenchmarks'))))`,
};

/** Full-text search across the catalogue, evidence (texts and file names) and proposals, as far as the viewer may see them. */
@Injectable()
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(viewer: Viewer | null, request: SearchQuery): Promise<SearchResultDto> {
    const kinds = request.kind ? [request.kind] : [...SEARCH_KINDS];
    const terms = searchTerms(request.q);
    if (!terms) return { groups: kinds.map((kind) => ({ kind, total: 0, items: [] })) };
    const rules = await this.rules(viewer);
    const offset = ((request.page ?? 1) - 1) * SEARCH_PAGE_SIZE;
    // One statement, one round trip: per kind the count of its matches and one page of the best.
    const sql = `WITH q AS (SELECT to_tsquery('bt_search'::regconfig, $1) AS query, $2::jsonb AS rules),
      ${kinds.map((kind) => `m_${kind} AS (${MATCHES[kind]})`).join(',\n')}
      ${kinds
        .map(
          (kind) => `(SELECT '${kind}' AS kind, (SELECT count(*) FROM m_${kind})::int AS total, hit.id, hit.benchmark_code, hit.title, hit.evidence_id, hit.rank,
                ts_headline('bt_search'::regconfig, hit.body, q.query, '${HEADLINE}') AS headline
             FROM (SELECT * FROM m_${kind} ORDER BY rank DESC, id LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${offset}) hit, q
           UNION ALL SELECT '${kind}', (SELECT count(*) FROM m_${kind})::int, NULL, NULL, NULL, NULL, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM m_${kind} OFFSET ${offset}))`,
        )
        .join('\nUNION ALL\n')}`;
    const rows: Record<string, any>[] = await this.dataSource.query(`${sql}`, [terms, JSON.stringify(rules), request.country ?? null]);
    return {
      groups: kinds.map((kind) => {
        const mine = rows.filter((r) => r.kind === kind);
        return {
          kind,
          total: mine[0]?.total ?? 0,
          items: mine
            .filter((r) => r.id)
            .sort((a, b) => b.rank - a.rank)
            .map((r) => ({
              kind,
              id: r.id,
              benchmarkCode: r.benchmark_code,
              title: r.title,
              snippet: snippetParts(r.headline ?? ''),
              ...(kind === 'file' ? { evidenceId: r.evidence_id } : {}),
            })),
        };
      }),
    };
  }

  private async rules(viewer: Viewer | null): Promise<SearchRules> {
    const countries: { code: string }[] = await this.dataSource.query(`SELECT trim(code) AS code FROM country`);
    const missions: { id: string; country_code: string }[] =
      viewer && hasRole(viewer, 'expert')
        ? await this.dataSource.query(
            `SELECT DISTINCT b.id, trim(a.country_code) AS country_code FROM mission m JOIN mission_expert x ON x.mission_id = m.id
               JOIN benchmark b ON b.id = m.benchmark_id JOIN area a ON a.id = b.area_id WHERE x.user_id = $1`,
            [viewer.userId],
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
