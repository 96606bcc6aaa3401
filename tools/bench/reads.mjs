// `npm run bench:reads`: the product's main reads at 500, 5,000 and 50,000 benchmarks, each through
// HTTP and as its own statements in raw SQL over `pg` on the same database: its twin, the statements
// the API sent for it with their values, captured from PostgreSQL's log at each size (captureTwins).
//
// Like the other benches (sharing tools/bench/harness.mjs): needs dist/apps/api/main.js (builds it if
// missing), starts an embedded PostgreSQL in a temporary directory (its log is where the twins come
// from, so not a BENCH_DATABASE_URL server) and the built API against it in demo mode. The data is generated with
// SQL generate_series (INSERT … SELECT, indexes kept, ANALYZE after) in steps: the same database grows
// from one size to the next, so nothing is generated twice. Benchmarks are spread over the six
// partners × chapters 23 and 24, each chapter in 42 areas filled in turn; each generated benchmark has 3
// sub-requirements, 20 evidence items (every visibility), 4 CSO contributions (60% of the proposals
// answered, some answers revised), about 4 assessments (three voices, two periods), 3 Action Plan
// activities due at quarter ends (some with a corrective measure) and 100 audit events interleaved
// in time; one in 50 has a peer-review
// mission with two recommendations. At 50,000 benchmarks: 5 million audit events, 1 million evidence
// items, 200,000 proposals.
//
// Measured at each size, as the callers who use them (anonymous where public, the Serbian ministry
// coordinator, the Commission, a Serbian CSO):
//   benchmark list (chapter, area, state and page, unfiltered, after, a common and a rare word),
//   a benchmark's page, chapter overview, consideration figures, Action Plan summary, inbox, history.
// For each: latency one request at a time (p50 / p95 / p99, API and raw), then throughput at
// BENCH_CONCURRENCY clients (requests/s of the API, of the twin sent as text and of the twin prepared
// as the API prepares it, in alternating slices so all meet the same background load). Goals, reported not enforced: p95 ≤ 30 ms at 50,000 benchmarks; flat (p95 at the
// largest size ≤ 1.5 × p95 at the smallest); API ≥ 0.5 × its raw SQL throughput. The EXPLAIN
// (ANALYZE, BUFFERS) of the raw twin of each variant that misses a goal is printed. The machine's load
// average is printed with every table: figures taken on a busy machine are not the goals' figures.
// Any answer but 200 is an error; more than 1% errors makes the run fail (exit 1). Ctrl-C cleans up.
//
//   BENCH_READS_SIZES=500,5000,50000   benchmarks in the database at each measurement (ascending)
//   BENCH_SECONDS=2          seconds of each phase (latency API, latency raw, throughput API + raw)
//   BENCH_CONCURRENCY=4      clients of the throughput phase
//   BENCH_API_MAIN=path/to/main.js   measure another build of the API (default dist/apps/api/main.js)
//   BENCH_KEEP=1   leave the database and the API running afterwards (their URL and port are printed),
//                  e.g. to EXPLAIN a query on the generated data; Ctrl-C stops them
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { benchRun, ensureBuilt, ignore, pgClient, request, setting, signIn, startApi, startDatabase } from './harness.mjs';

const GOAL_P95_MS = 30;
const GOAL_FLAT = 1.5;
const GOAL_RATIO = 0.5;
const MAX_ERROR_RATE = 0.01;
const log = (message) => console.log(`[bench:reads] ${message}`);

const SIZES = (process.env.BENCH_READS_SIZES ?? '500,5000,50000').split(',').map((s) => Number(s.trim()));
if (SIZES.some((n, i) => !Number.isInteger(n) || n < 100 || (i > 0 && n <= SIZES[i - 1]))) {
  throw new Error(`BENCH_READS_SIZES must be ascending whole numbers ≥ 100, got "${process.env.BENCH_READS_SIZES}"`);
}
const SECONDS = setting('BENCH_SECONDS', 2, { min: 0.2, integer: false });
const CONCURRENCY = setting('BENCH_CONCURRENCY', 4);

// Per generated benchmark: the volumes that make 5M audit events, 1M evidence items and 200k proposals at 50,000.
const PER_BENCHMARK = { subRequirements: 3, evidence: 20, proposals: 4, activities: 3, auditEvents: 100 };
// Every chapter in the same 42 areas, filled in turn (all 42 from 504 benchmarks on): the fewest that hold 50,000 benchmarks (12 chapters) when a
// benchmark's code ends in two digits (RS-24-MIG-02: at most 100 to an area). The data grows within them, so a read
// that answers one entry per area (consideration figures, Action Plan summary) answers nearly as much at 500 as at 50,000.
// Benchmark k of its chapter sits in area k % AREAS at position k / AREAS.
const AREAS = 42;
const MOST_BENCHMARKS = 12 * AREAS * 100;
if (SIZES.at(-1) > MOST_BENCHMARKS) throw new Error(`BENCH_READS_SIZES: at most ${MOST_BENCHMARKS} benchmarks (12 chapters × ${AREAS} areas × 100)`);
const MISSION_EVERY = 50;

// ─── cleanup: API, then the database, then the temporary directory; once, also on Ctrl-C ───

const { state, cleanup } = benchRun('bench:reads');

// ─── the data: generated in SQL ───

const WORDS = `the of and i u za na sa da je se od o the to in for with ministry ministarstvo report izveštaj law zakon court sud judiciary pravosuđe
  police policija border granica migration migracije asylum azil prosecution tužilaštvo corruption korupcija training obuka strategy strategija
  cooperation saradnja convictions presude assets imovina confiscation oduzimanje investigation istraga financial finansijske smuggling krijumčarenje
  trafficking trgovina ljudima victims žrtve referral upućivanje mechanism mehanizam capacity kapaciteti staff zaposleni data podaci statistics
  action akcioni plan implementation sprovođenje deadline rok budget budžet institution institucija coordination koordinacija monitoring praćenje
  civil civilno society društvo consultation konsultacije proposal predlog evidence dokaz reform reforma independence nezavisnost integrity integritet
  organised organizovani crime kriminal witness svedok protection zaštita detention pritvor return povratak readmission readmisija visa vize`
  .split(/\s+/)
  .filter(Boolean);
const PHRASES = 4000;
const PREPARATION = ['early_stage', 'some_level', 'moderately_prepared', 'good_level', 'well_advanced'];
const PROGRESS = ['no_progress', 'limited_progress', 'some_progress', 'good_progress'];
const INSTITUTIONS = [
  'Ministry of Interior',
  'Ministry of Justice',
  'Border Police',
  'Commissariat for Refugees',
  'Public Prosecutor’s Office',
  'Judicial Academy',
  'Anti-Corruption Agency',
];

/** Once: phrases to draw texts from, the six partners × two chapters, and the authors (a ministry and four CSOs per partner). */
async function prepare(db) {
  const user = async (email) => (await db.query(`SELECT u.id, u.organisation_id FROM app_user u WHERE email = $1`, [email])).rows[0];
  const demo = {
    ministry: await user('ministry@demo.test'),
    cso: await user('cso@demo.test'),
    commission: await user('commission@demo.test'),
    admin: await user('admin@demo.test'),
  };
  if (Object.values(demo).some((u) => !u)) throw new Error('no demo accounts: is the API in demo mode?');
  await db.query(`CREATE SCHEMA bench`);
  // Phrases of 8–40 words, common words far more often than rare ones; texts are drawn from them, not word by word.
  await db.query(`CREATE TABLE bench.phrase (n int PRIMARY KEY, text text NOT NULL)`);
  await db.query(
    `INSERT INTO bench.phrase SELECT n, (SELECT string_agg(($1::text[])[1 + floor(power(random(), 2.2) * $2)::int], ' ') FROM generate_series(1, 8 + n % 33))
       FROM generate_series(0, ${PHRASES - 1}) AS n`,
    [WORDS, WORDS.length],
  );
  // Scope s (0–11): Serbia 23, Serbia 24, Albania 23, … Benchmark n belongs to scope (n - 1) % 12.
  await db.query(`CREATE TABLE bench.scope AS SELECT (row_number() OVER (ORDER BY c.position, ch.number) - 1)::int AS s, c.code AS country_code, ch.number AS chapter
      FROM (VALUES ('RS', 1), ('AL', 2), ('ME', 3), ('MK', 4), ('BA', 5), ('XK', 6)) AS c (code, position) CROSS JOIN (VALUES (23), (24)) AS ch (number)`);
  await db.query(`INSERT INTO organisation (name, kind, country_code)
      SELECT c.name || ', Ministry of Interior (bench)', 'ministry', c.code FROM country c WHERE c.code <> 'RS'
      UNION ALL
      SELECT c.name || ', civil-society organisation ' || k || ' (bench)', 'civil_society', c.code FROM country c, generate_series(1, 4) AS k WHERE c.code <> 'RS' OR k < 4`);
  await db.query(`INSERT INTO app_user (email, display_name, organisation_id)
      SELECT 'bench.' || o.kind || '.' || lower(trim(o.country_code)) || '.' || row_number() OVER (PARTITION BY o.kind, o.country_code ORDER BY o.name) || '@bench.test',
             'Bench ' || o.name, o.id FROM organisation o WHERE o.name LIKE '% (bench)'`);
  await db.query(`INSERT INTO role_assignment (user_id, role, coordinator)
      SELECT u.id, o.kind, o.kind = 'ministry' FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email LIKE 'bench.%'`);
  // Authors: kind ministry (k 0) or civil_society (k 0–3); Serbia's are the demo ministry and CSO and three more CSOs.
  await db.query(`CREATE TABLE bench.author AS
      SELECT trim(o.country_code) AS country_code, o.kind, (row_number() OVER (PARTITION BY o.kind, o.country_code ORDER BY o.name) - 1)::int AS k, u.id AS user_id, o.id AS organisation_id
        FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email LIKE 'bench.%' OR u.email IN ('ministry@demo.test', 'cso@demo.test')`);
  const {
    rows: [check],
  } = await db.query(
    `SELECT count(*) FILTER (WHERE kind = 'ministry')::int AS ministries, count(*) FILTER (WHERE kind = 'civil_society')::int AS csos FROM bench.author`,
  );
  if (check.ministries !== 6 || check.csos !== 24) throw new Error(`bench authors: ${JSON.stringify(check)}`);
  // Every generated benchmark, by its number n (and k, its place in its chapter): its id, code and place.
  await db.query(
    `CREATE TABLE bench.b (n int PRIMARY KEY, k int NOT NULL, id uuid NOT NULL, code text NOT NULL, country_code text NOT NULL, chapter int NOT NULL, area_id uuid NOT NULL, state text NOT NULL)`,
  );
  const {
    rows: [{ count }],
  } = await db.query(`SELECT count(*)::int AS count FROM benchmark`);
  return { demo, demoBenchmarks: count };
}

/** Grows the generated benchmarks from `from` to `to` (numbers n, 1-based) with everything that hangs on them. */
async function grow(db, demo, from, to) {
  const steps = [];
  const step = async (what, sql, params = []) => {
    const t0 = performance.now();
    const result = await db.query(sql, params);
    steps.push(`${what} ${result.rowCount ?? ''} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  const range = [from, to];
  const phrase = (alias, key) => `JOIN bench.phrase ${alias} ON ${alias}.n = (${key}) % ${PHRASES}`;
  await step(
    'benchmarks',
    `INSERT INTO bench.b (n, k, id, code, country_code, chapter, area_id, state)
      SELECT n, (n - 1) / 12, md5('b' || n)::uuid,
             sc.country_code || '-' || sc.chapter || '-G' || chr(65 + (n - 1) / 12 % ${AREAS} / 26) || chr(65 + (n - 1) / 12 % ${AREAS} % 26) || '-' || lpad(((n - 1) / 12 / ${AREAS})::text, 2, '0'),
             sc.country_code, sc.chapter, md5('area' || sc.s || '-' || (n - 1) / 12 % ${AREAS})::uuid,
             (ARRAY['draft', 'draft', 'draft', 'draft', 'submitted', 'submitted', 'peerReview', 'peerReview', 'accepted', 'accepted'])[1 + (n - 1) / 12 % 10]
        FROM generate_series($1::int + 1, $2::int) AS n JOIN bench.scope sc ON sc.s = (n - 1) % 12`,
    range,
  );
  await step(
    'areas',
    `INSERT INTO area (id, country_code, chapter_number, code, title, intro, position)
      SELECT DISTINCT ON (b.area_id) b.area_id, b.country_code, b.chapter, split_part(b.code, '-', 3), 'Area ' || split_part(b.code, '-', 3) || ': ' || left(p.text, 50), p.text,
             100 + ascii(substr(split_part(b.code, '-', 3), 2, 1)) * 26 + ascii(substr(split_part(b.code, '-', 3), 3, 1))
        FROM bench.b b ${phrase('p', 'b.n')} WHERE b.n > $1 AND b.n <= $2
      ON CONFLICT (id) DO NOTHING`,
    range,
  );
  await step(
    'benchmark rows',
    `INSERT INTO benchmark (id, code, area_id, position, text, state, version, snapshot, created_at, updated_at)
      SELECT b.id, b.code, b.area_id, b.k / ${AREAS}, p.text || ' ' || q.text, b.state, 1 + b.k % 7,
             CASE WHEN b.state = 'peerReview' THEN jsonb_build_object('value', jsonb_build_object('peerReview', (ARRAY['planned', 'fieldwork', 'reported'])[1 + b.k % 3])) END,
             now() - make_interval(days => 700), now() - make_interval(hours => (b.n * 7919) % 8000)
        FROM bench.b b ${phrase('p', 'b.n')} ${phrase('q', 'b.n * 7 + 1')} WHERE b.n > $1 AND b.n <= $2`,
    range,
  );
  await step(
    'sub-requirements',
    `INSERT INTO sub_requirement (code, benchmark_id, position, text)
      SELECT b.code || '.' || i, b.id, i, p.text FROM bench.b b CROSS JOIN generate_series(1, ${PER_BENCHMARK.subRequirements}) AS i ${phrase('p', 'b.n * 3 + i')}
       WHERE b.n > $1 AND b.n <= $2`,
    range,
  );
  await step(
    'evidence',
    `INSERT INTO evidence (id, benchmark_id, title, narrative, visibility, author_id, updated_by, period_start, period_end, created_at, updated_at)
      SELECT md5('e' || b.n || '-' || j)::uuid, b.id, initcap(left(t.text, 30 + j * 2)), p.text,
             (ARRAY['internal', 'shared', 'shared', 'public', 'internal'])[1 + (b.k + j) % 5], m.user_id, m.user_id,
             make_date(2020 + (b.k + j) % 6, 1, 1), make_date(2020 + (b.k + j) % 6, 12, 31),
             now() - make_interval(days => 600 - j * 20), now() - make_interval(days => 400 - j * 15, hours => b.k % 24)
        FROM bench.b b CROSS JOIN generate_series(0, ${PER_BENCHMARK.evidence - 1}) AS j
        JOIN bench.author m ON m.country_code = b.country_code AND m.kind = 'ministry'
        ${phrase('t', 'b.n * 11 + j * 5')} ${phrase('p', 'b.n * 13 + j * 7')}
       WHERE b.n > $1 AND b.n <= $2`,
    range,
  );
  // Contributions 0–2 are proposals, 3 a comment (a reply to proposal 0 on every other benchmark); one in 97 hidden.
  await step(
    'proposals',
    `INSERT INTO proposal (id, benchmark_id, text, author_id, created_at, kind, parent_id, hidden_at, hidden_by, hidden_reason)
      SELECT md5('p' || b.n || '-' || j)::uuid, b.id, p.text, c.user_id, now() - make_interval(days => 60 + (b.n * 13 + j * 97) % 650),
             CASE WHEN j < 3 THEN 'proposal' ELSE 'comment' END,
             CASE WHEN j = 3 AND b.k % 2 = 0 THEN md5('p' || b.n || '-0')::uuid END,
             CASE WHEN j = 1 AND b.k % 97 = 0 THEN now() END, CASE WHEN j = 1 AND b.k % 97 = 0 THEN $3::uuid END, CASE WHEN j = 1 AND b.k % 97 = 0 THEN 'off topic' END
        FROM bench.b b CROSS JOIN generate_series(0, ${PER_BENCHMARK.proposals - 1}) AS j
        JOIN bench.author c ON c.country_code = b.country_code AND c.kind = 'civil_society' AND c.k = (b.k + j) % 4
        ${phrase('p', 'b.n * 17 + j * 3')}
       WHERE b.n > $1 AND b.n <= $2
       ORDER BY j = 3, b.n`,
    [...range, demo.admin.id],
  );
  // 60% of the proposals answered (days after), one in ten of those answered again.
  await step(
    'answers',
    `INSERT INTO proposal_response (id, proposal_id, decision, reasoning, author_id, created_at)
      SELECT md5('r' || b.n || '-' || j || '-' || v)::uuid, md5('p' || b.n || '-' || j)::uuid,
             (ARRAY['accepted', 'partly_accepted', 'not_accepted'])[1 + (b.k + j + v) % 3], left(p.text, 200), m.user_id,
             now() - make_interval(days => 60 + (b.n * 13 + j * 97) % 650) + make_interval(days => 3 + (b.k + j) % 40 + v * 10)
        FROM bench.b b CROSS JOIN generate_series(0, 2) AS j CROSS JOIN generate_series(0, 1) AS v
        JOIN bench.author m ON m.country_code = b.country_code AND m.kind = 'ministry'
        ${phrase('p', 'b.n * 19 + j')}
       WHERE b.n > $1 AND b.n <= $2 AND (b.k + j) % 5 < 3 AND (v = 0 OR (b.k + j) % 10 = 0)`,
    range,
  );
  // The Commission (2024 on a third, 2025 on half), the ministry (2025, 70%), a CSO (2025, half).
  await step(
    'assessments',
    `INSERT INTO assessment (benchmark_id, voice, period, preparation, progress, text, author_id, organisation_id, created_at)
      SELECT b.id, v.voice, v.period, ($3::text[])[1 + (b.k + v.k) % ${PREPARATION.length}], ($4::text[])[1 + (b.k + v.k) % ${PROGRESS.length}], p.text,
             coalesce(a.user_id, $5::uuid), coalesce(a.organisation_id, $6::uuid), now() - make_interval(days => 400 - v.k * 100 - b.k % 50)
        FROM bench.b b
        CROSS JOIN (VALUES (0, 'commission', '2024', 3), (1, 'commission', '2025', 2), (2, 'ministry', '2025', 10), (3, 'civil_society', '2025', 2)) AS v (k, voice, period, every)
        LEFT JOIN bench.author a ON a.country_code = b.country_code AND a.kind = v.voice AND a.k = CASE WHEN v.voice = 'civil_society' THEN b.k % 4 ELSE 0 END
        ${phrase('p', 'b.n * 23 + v.k')}
       WHERE b.n > $1 AND b.n <= $2 AND CASE WHEN v.voice = 'ministry' THEN b.k % 10 < 7 ELSE b.k % v.every = 0 END`,
    [...range, PREPARATION, PROGRESS, demo.commission.id, demo.commission.organisation_id],
  );
  await step(
    'activities',
    `INSERT INTO action_activity (id, benchmark_id, code, title, responsible_institution, deadline, budget_amount, budget_currency, budget_source, status, created_by)
      SELECT md5('a' || b.n || '-' || j)::uuid, b.id, b.k % 9 || '.' || j, left(p.text, 120), ($3::text[])[1 + (b.k + j) % ${INSTITUTIONS.length}],
             (date_trunc('quarter', DATE '2024-01-01' + (b.n * 31 + j * 113) % 1460) + interval '3 months - 1 day')::date,
             CASE WHEN j = 1 THEN 10000 + b.k % 90000 END, CASE WHEN j = 1 THEN 'EUR' END, CASE WHEN j = 1 THEN 'IPA III' END,
             (ARRAY['planned', 'in_progress', 'completed'])[1 + (b.k + j) % 3], m.user_id
        FROM bench.b b CROSS JOIN generate_series(1, ${PER_BENCHMARK.activities}) AS j
        JOIN bench.author m ON m.country_code = b.country_code AND m.kind = 'ministry'
        ${phrase('p', 'b.n * 29 + j')}
       WHERE b.n > $1 AND b.n <= $2`,
    [...range, INSTITUTIONS],
  );
  await step(
    'corrective measures',
    `INSERT INTO corrective_measure (activity_id, benchmark_id, what, responsible, due_date, status, created_by)
      SELECT md5('a' || b.n || '-' || j)::uuid, b.id, 'Catch up: ' || left(p.text, 80), ($3::text[])[1 + b.k % ${INSTITUTIONS.length}],
             DATE '2025-06-01' + b.k % 500, CASE WHEN b.k % 3 = 0 THEN 'done' ELSE 'open' END, m.user_id
        FROM bench.b b CROSS JOIN generate_series(1, ${PER_BENCHMARK.activities}) AS j
        JOIN bench.author m ON m.country_code = b.country_code AND m.kind = 'ministry'
        ${phrase('p', 'b.n * 31 + j')}
       WHERE b.n > $1 AND b.n <= $2 AND (b.k + j) % 10 = 0`,
    [...range, INSTITUTIONS],
  );
  // A peer-review mission on one benchmark in 50 (the trigger adds its scope), with two recommendations due around now.
  await step(
    'missions',
    `INSERT INTO mission (id, benchmark_id, title, start_date, end_date, report_shared_at, report_shared_by, created_by)
      SELECT md5('m' || b.n)::uuid, b.id, 'Peer review ' || b.code, DATE '2025-01-01' + b.k % 300, DATE '2025-01-05' + b.k % 300,
             CASE WHEN b.k % 100 = 0 THEN now() END, CASE WHEN b.k % 100 = 0 THEN $3::uuid END, $3::uuid
        FROM bench.b b WHERE b.n > $1 AND b.n <= $2 AND b.k % ${MISSION_EVERY} = 0`,
    [...range, demo.commission.id],
  );
  await step(
    'recommendations',
    `INSERT INTO mission_recommendation (mission_id, benchmark_id, text, owner, due_date, status)
      SELECT md5('m' || b.n)::uuid, b.id, left(p.text, 200), ($3::text[])[1 + (b.k + i) % ${INSTITUTIONS.length}], CURRENT_DATE - 200 + (b.n * 7 + i * 60) % 400,
             (ARRAY['open', 'in_progress', 'implemented', 'not_implemented'])[1 + (b.k / ${MISSION_EVERY} + i) % 4]
        FROM bench.b b CROSS JOIN generate_series(1, 2) AS i ${phrase('p', 'b.n * 37 + i')}
       WHERE b.n > $1 AND b.n <= $2 AND b.k % ${MISSION_EVERY} = 0`,
    [...range, INSTITUTIONS],
  );
  // 100 audit events per benchmark, interleaved as they happen (event j of every benchmark, then j + 1):
  // 20 evidence items created and 10 changed, 4 contributions, 3 answers, 4 assessments, 5 workflow
  // steps, 30 Action Plan and 24 track-record changes.
  await step(
    'audit events',
    `INSERT INTO audit_event (occurred_at, actor_id, actor_ip, action, entity_type, entity_id, data, prev_hash, hash)
      SELECT now() - make_interval(secs => ($2::int - $1::int) * 100 - i), CASE WHEN x.j BETWEEN 30 AND 33 THEN c.user_id WHEN x.j BETWEEN 41 AND 45 THEN $3::uuid ELSE m.user_id END, '10.0.0.1',
             CASE WHEN x.j < 20 THEN 'evidence.created' WHEN x.j < 30 THEN 'evidence.updated' WHEN x.j < 34 THEN 'proposal.created' WHEN x.j < 37 THEN 'proposal.answered'
                  WHEN x.j < 41 THEN 'assessment.recorded' WHEN x.j < 46 THEN 'benchmark.' || (ARRAY['SUBMIT', 'REQUEST_CHANGES', 'SUBMIT', 'START_PEER_REVIEW', 'ACCEPT'])[x.j - 40]
                  WHEN x.j < 76 THEN 'action-plan.activity-updated' ELSE 'track-record.value-set' END,
             'benchmark', b.id::text,
             CASE WHEN x.j < 20 THEN jsonb_build_object('evidenceId', md5('e' || b.n || '-' || x.j)::uuid, 'title', 'Evidence ' || x.j, 'visibility', (ARRAY['internal', 'shared', 'shared', 'public', 'internal'])[1 + (b.k + x.j) % 5])
                  WHEN x.j < 30 THEN jsonb_build_object('evidenceId', md5('e' || b.n || '-' || (x.j - 20) * 2)::uuid, 'version', 2, 'changes', jsonb_build_array('narrative'))
                  WHEN x.j < 34 THEN jsonb_build_object('proposalId', md5('p' || b.n || '-' || (x.j - 30))::uuid, 'kind', 'proposal', 'parentId', null, 'text', 'A proposal of civil society, as it was written.')
                  WHEN x.j < 37 THEN jsonb_build_object('proposalId', md5('p' || b.n || '-' || (x.j - 34))::uuid, 'decision', 'accepted', 'reasoning', 'The ministry agrees and will act.')
                  WHEN x.j < 41 THEN jsonb_build_object('voice', 'commission', 'period', '2025', 'preparation', 'some_level', 'progress', 'some_progress')
                  WHEN x.j < 46 THEN jsonb_build_object('event', (ARRAY['SUBMIT', 'REQUEST_CHANGES', 'SUBMIT', 'START_PEER_REVIEW', 'ACCEPT'])[x.j - 40], 'from', 'draft', 'to', 'submitted', 'version', x.j - 39, 'comment', 'Please complete the evidence on training.')
                  WHEN x.j < 76 THEN jsonb_build_object('activityId', md5('a' || b.n || '-' || (1 + x.j % 3))::uuid, 'changes', jsonb_build_array('status'), 'status', 'in_progress')
                  ELSE jsonb_build_object('seriesName', 'Final convictions', 'period', (2015 + x.j % 10)::text, 'value', x.j * 3) END,
             encode(sha256(int8send(i - 1)), 'hex'), encode(sha256(int8send(i)), 'hex')
        FROM generate_series(0, ($2::int - $1::int) * ${PER_BENCHMARK.auditEvents} - 1) AS i
        CROSS JOIN LATERAL (SELECT $1::int + 1 + i % ($2::int - $1::int) AS n, i / ($2::int - $1::int) AS j) AS x
        JOIN bench.b b ON b.n = x.n
        JOIN bench.author m ON m.country_code = b.country_code AND m.kind = 'ministry'
        JOIN bench.author c ON c.country_code = b.country_code AND c.kind = 'civil_society' AND c.k = (b.k + x.j) % 4`,
    [...range, demo.commission.id],
  );
  // Read marks: the Serbian coordinator has read a third of the unanswered proposals, the Serbian CSO half of its answers.
  await step(
    'read marks',
    `INSERT INTO inbox_read (user_id, item_key)
      SELECT u.id, 'proposal-unanswered:' || md5('p' || b.n || '-' || j)::uuid FROM bench.b b CROSS JOIN generate_series(0, 2) AS j, app_user u
       WHERE u.email = 'coordinator@demo.test' AND b.country_code = 'RS' AND b.n > $1 AND b.n <= $2 AND (b.k + j) % 3 = 0
      UNION ALL
      SELECT $3::uuid, 'proposal-answered:' || md5('r' || b.n || '-' || j || '-0')::uuid FROM bench.b b CROSS JOIN generate_series(0, 2) AS j
       WHERE b.country_code = 'RS' AND b.n > $1 AND b.n <= $2 AND (b.k + j) % 4 = 0 AND (b.k + j) % 5 < 3 AND b.k % 2 = 0`,
    [...range, demo.cso.id],
  );
  return steps;
}

async function generate(db, demo, from, to) {
  const t0 = performance.now();
  await db.query('BEGIN');
  const steps = await grow(db, demo, from, to);
  await db.query('COMMIT');
  const t1 = performance.now();
  await db.query('VACUUM ANALYZE'); // visibility map for index-only scans, statistics for the planner
  const facts = await volumes(db);
  log(`generated benchmarks ${from + 1}–${to} in ${((t1 - t0) / 1000).toFixed(1)} s + VACUUM ANALYZE ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  log(`  ${steps.join(', ')}`);
  return facts;
}

async function volumes(db) {
  const {
    rows: [facts],
  } = await db.query(`SELECT (SELECT count(*) FROM benchmark)::int AS benchmarks, (SELECT count(*) FROM audit_event)::int AS audit_events,
      (SELECT count(*) FROM evidence)::int AS evidence, (SELECT count(*) FROM proposal)::int AS proposals, pg_size_pretty(pg_database_size(current_database())) AS size`);
  return facts;
}

// ─── what is measured: each read as HTTP request and as its raw SQL twin ───

/** A sample of benchmark codes of one country (or all), fixed per size. */
async function sampleBenchmarks(db, country, count) {
  const { rows } = await db.query(
    `SELECT b.id, b.code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE $1::text IS NULL OR a.country_code = $1 ORDER BY md5(b.id::text) LIMIT $2`,
    [country, count],
  );
  return rows;
}

/** The variants of every read: path and caller through HTTP (their twins are captured: captureTwins). */
async function reads(db, users) {
  const rs = await sampleBenchmarks(db, 'RS', 40);
  const any = await sampleBenchmarks(db, null, 40);
  const {
    rows: [area],
  } = await db.query(`SELECT a.code FROM area a WHERE a.country_code = 'RS' AND a.chapter_number = 24 ORDER BY a.position DESC LIMIT 1`);
  // A key two pages into Albania's chapter 23, or half-way on a small one (keyset paging from there).
  const { rows: chapter } = await db.query(`SELECT b.code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE a.country_code = 'AL' AND a.chapter_number = 23
      ORDER BY a.position, b.position, b.code LIMIT 100`);
  const deep = chapter[Math.min(99, Math.floor(chapter.length / 2))];
  const { coordinator, commission, cso } = users;
  return [
    {
      name: 'benchmark list',
      variants: [
        { caller: null, path: '/api/benchmarks?country=RS&chapter=24' },
        { caller: coordinator, path: `/api/benchmarks?country=RS&chapter=24&area=${area.code}` },
        { caller: null, path: '/api/benchmarks?country=AL&chapter=23&state=submitted&page=3' },
        { caller: commission, path: '/api/benchmarks?page=2&pageSize=20' },
        { caller: null, path: `/api/benchmarks?country=AL&chapter=23&after=${deep.code}` },
        { caller: cso, path: '/api/benchmarks?country=RS&chapter=24&q=migration' },
        { caller: null, path: '/api/benchmarks?country=RS&chapter=24&q=readmisija' },
      ],
    },
    {
      name: 'benchmark detail',
      variants: [null, coordinator, commission, cso].flatMap((caller, c) =>
        (caller === null || c === 2 ? any : rs).slice(c * 10, c * 10 + 10).map((b) => ({ caller, path: `/api/benchmarks/${b.code}` })),
      ),
    },
    {
      name: 'chapter overview',
      variants: [
        { caller: null, path: '/api/overview?country=RS&chapter=24' },
        { caller: commission, path: '/api/overview?country=AL&chapter=23' },
        { caller: cso, path: `/api/overview?country=RS&chapter=24&period=2024` },
      ],
    },
    {
      name: 'consideration',
      variants: [
        { caller: null, path: '/api/consideration?country=RS&chapter=24' },
        { caller: null, path: '/api/consideration?country=AL&chapter=23' },
      ],
    },
    {
      name: 'action plan summary',
      variants: [
        { caller: coordinator, path: '/api/action-plan/summary' },
        { caller: commission, path: '/api/action-plan/summary?country=RS' },
      ],
    },
    { name: 'inbox', variants: [coordinator, commission, cso].map((caller) => ({ caller, path: '/api/inbox' })) },
    {
      name: 'benchmark history',
      variants: [coordinator, commission, cso].flatMap((caller, c) =>
        (c === 1 ? any : rs).slice(c * 10, c * 10 + 10).map((b) => ({ caller, path: `/api/benchmarks/${b.code}/history` })),
      ),
    },
  ];
}

// ─── measuring ───

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN;
}

/** Runs `once(i)` from `clients` loops for `seconds`; the latencies (ms) of each, and the requests per second. */
async function drive(once, seconds, clients) {
  const latencies = [];
  let next = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until && !state.aborted) {
        const i = next++;
        const started = performance.now();
        await once(i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { latencies, perSecond: latencies.length / ((performance.now() - t0) / 1000) };
}

async function measureRead(read, port, pool, errors) {
  const agents = new Map();
  const agentOf = (caller) => agents.get(caller) ?? agents.set(caller, new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })).get(caller);
  const bytes = [];
  const byVariant = read.variants.map(() => []);
  const api = async (i, record = true) => {
    const variant = read.variants[i % read.variants.length];
    const t0 = performance.now();
    const res = await request(agentOf(variant.caller), port, 'GET', variant.path, undefined, variant.caller?.headers ?? {}).catch((error) => ({
      status: error.message,
      text: '',
    }));
    if (res.status !== 200) {
      const key = `${read.name}: ${variant.path} → ${res.status} ${String(res.text).slice(0, 120)}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    } else if (record) {
      bytes.push(Buffer.byteLength(res.text));
      byVariant[i % read.variants.length].push(performance.now() - t0);
    }
  };
  // The twin as text (parsed and planned on every call, as the API sent its reads until 2026-12-08) or
  // prepared once per connection, as the API now sends them (queryPrepared), named by its text.
  const twin = (prepare) => async (i) => {
    const client = await pool.connect();
    try {
      for (const statement of read.variants[i % read.variants.length].raw) {
        const name = prepare ? `bt_${createHash('sha1').update(statement.sql).digest('base64url')}` : undefined;
        await client.query({ name, text: statement.sql, values: statement.params });
      }
    } finally {
      client.release();
    }
  };
  const [raw, prepared] = [twin(false), twin(true)];
  // Warm-up: every variant twice each way (plans, caches, connections).
  for (let i = 0; i < read.variants.length * 2; i++) {
    await api(i, false);
    await raw(i);
    await prepared(i);
  }
  const apiLatency = await drive((i) => api(i), SECONDS, 1);
  const rawLatency = await drive(raw, SECONDS, 1);
  // Throughput in alternating slices (raw, prepared, API, API, prepared, raw), so that all meet the same background load.
  const slices = { api: [], raw: [], prepared: [] };
  const ways = { api: (i) => api(i, false), raw, prepared };
  for (const which of ['raw', 'prepared', 'api', 'api', 'prepared', 'raw']) {
    slices[which].push((await drive(ways[which], SECONDS / 2, CONCURRENCY)).perSecond);
  }
  for (const agent of agents.values()) agent.destroy();
  const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
  const sorted = (list) => [...list].sort((a, b) => a - b);
  const slowest = byVariant.map((l, v) => ({ v, p95: percentile(sorted(l), 0.95) })).sort((a, b) => b.p95 - a.p95)[0];
  return {
    name: read.name,
    api: sorted(apiLatency.latencies),
    raw: sorted(rawLatency.latencies),
    apiPerSecond: mean(slices.api),
    rawPerSecond: mean(slices.raw),
    preparedPerSecond: mean(slices.prepared),
    bytes: bytes.length ? mean(bytes) : NaN,
    slowestVariant: read.variants[slowest.v],
    load: os.loadavg()[0],
  };
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–').padStart(7);
const loadText = () =>
  `${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} (1 / 5 / 15 min)`;

function printTable(facts, results) {
  console.log('');
  console.log(
    `Reads at ${facts.benchmarks.toLocaleString('en')} benchmarks (${facts.audit_events.toLocaleString('en')} audit events, ${facts.evidence.toLocaleString('en')} evidence items, ${facts.proposals.toLocaleString('en')} proposals; ${facts.size})`,
  );
  console.log(`${loadText()}; latency one request at a time, throughput at ${CONCURRENCY} clients`);
  console.log(
    `raw: the read's statements in raw SQL sent as text (ratio = API/s ÷ raw/s, the goal's); prep: the same statements prepared, as the API sends them`,
  );
  console.log(
    `${'read'.padEnd(20)}${'API p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)} ${'raw p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)} ${'API/s'.padStart(7)}${'raw/s'.padStart(7)}${'ratio'.padStart(6)}${'prep/s'.padStart(7)}${'ratio'.padStart(6)}${'bytes'.padStart(8)}${'load'.padStart(6)}  p95≤${GOAL_P95_MS}  ratio≥${GOAL_RATIO}`,
  );
  for (const r of results) {
    const p95 = percentile(r.api, 0.95);
    const ratio = r.apiPerSecond / r.rawPerSecond;
    console.log(
      `${r.name.padEnd(20)}${ms(percentile(r.api, 0.5))} ${ms(p95)} ${ms(percentile(r.api, 0.99))}  ${ms(percentile(r.raw, 0.5))} ${ms(percentile(r.raw, 0.95))} ${ms(percentile(r.raw, 0.99))} ` +
        `${r.apiPerSecond.toFixed(0).padStart(7)}${r.rawPerSecond.toFixed(0).padStart(7)}${ratio.toFixed(2).padStart(6)}` +
        `${r.preparedPerSecond.toFixed(0).padStart(7)}${(r.apiPerSecond / r.preparedPerSecond).toFixed(2).padStart(6)}${(Number.isFinite(r.bytes) ? Math.round(r.bytes) : '–').toString().padStart(8)}${r.load.toFixed(2).padStart(6)}  ` +
        `${(p95 <= GOAL_P95_MS ? 'PASS' : 'FAIL').padEnd(7)}${ratio >= GOAL_RATIO ? 'PASS' : 'FAIL'}`,
    );
  }
}

async function explain(db, variant, why) {
  console.log('');
  console.log(`EXPLAIN of ${variant.path}${variant.caller ? ` (as ${variant.caller.email})` : ''}: ${why}`);
  for (const statement of variant.raw) {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
    for (const row of rows) console.log(`  ${row['QUERY PLAN']}`);
    console.log('  --');
  }
}

// ─── the raw SQL twins: the product's own statements, as PostgreSQL logged them ───

/** Where the embedded PostgreSQL's log goes, each line's prefix naming the client's application (log_line_prefix). */
const LOG_PREFIX = '@@bt|';

/**
 * Gives each variant its twin: the statements the API sent for one call of it, with their values,
 * read back from the embedded PostgreSQL's log (log_statement = 'all' while capturing). So a twin is
 * the product's statement by construction, never a copy to keep in step.
 */
async function captureTwins(db, readList, port, logFile) {
  await db.query(`ALTER SYSTEM SET log_statement = 'all'`);
  await db.query('SELECT pg_reload_conf()');
  await sleep(200); // every backend has read the setting before its next statement
  const agent = new http.Agent({ keepAlive: true });
  try {
    for (const read of readList) {
      for (const variant of read.variants) {
        const from = statSync(logFile).size;
        const res = await request(agent, port, 'GET', variant.path, undefined, variant.caller?.headers ?? {});
        if (res.status !== 200) throw new Error(`${variant.path} answered ${res.status}: ${res.text.slice(0, 200)}`);
        // A mark after the API's answer: once the log holds it, it holds every statement of the call.
        const mark = `bt-twin-${randomUUID()}`;
        await db.query(`SELECT $1::text`, [mark]);
        let records = [];
        for (let waited = 0; !records.some((r) => r.text.includes(mark)); waited += 20) {
          if (waited > 5000) throw new Error(`the mark of ${variant.path} did not reach PostgreSQL's log`);
          await sleep(20);
          records = logRecords(readFileSync(logFile).subarray(from).toString('utf8'));
        }
        variant.raw = [];
        records.forEach((r, i) => {
          const statement = /^(?:execute [^:]+|statement): ([\s\S]*)$/.exec(r.text);
          // Not the API's own: its session look-up, and the database watch's `SELECT 1` (every 5 s).
          if (r.application !== 'benchmark-tracker' || r.level !== 'LOG' || !statement || /\buser_session\b|^SELECT 1$/.test(statement[1])) return;
          const detail = records[i + 1]?.level === 'DETAIL' ? records[i + 1].text : '';
          variant.raw.push({ sql: statement[1], params: parameters(detail) });
        });
        if (!variant.raw.length) throw new Error(`no statement of ${variant.path} in PostgreSQL's log`);
      }
    }
  } finally {
    agent.destroy();
    await db.query(`ALTER SYSTEM RESET log_statement`);
    await db.query('SELECT pg_reload_conf()');
  }
}

/**
 * The records of PostgreSQL's log as written to stderr: each begins with LOG_PREFIX, the application
 * and its level ("LOG:  execute …", "DETAIL:  Parameters: …"); a message's further lines follow, each
 * after a tab.
 */
function logRecords(text) {
  const records = [];
  for (const line of text.split('\n')) {
    const head = line.startsWith(LOG_PREFIX) ? /^([^|]*)\|([A-Z]+): {2}(.*)$/.exec(line.slice(LOG_PREFIX.length)) : null;
    if (head) records.push({ application: head[1], level: head[2], text: head[3] });
    else if (records.length && line.startsWith('\t')) records[records.length - 1].text += `\n${line.slice(1)}`;
  }
  return records;
}

/** The values of a logged statement, from its detail "Parameters: $1 = 'RS', $2 = NULL, …" (as text: PostgreSQL types them). */
function parameters(detail) {
  const values = [];
  for (const [, n, value, text] of detail.matchAll(/\$(\d+) = (NULL|'((?:[^']|'')*)')/g))
    values[Number(n) - 1] = value === 'NULL' ? null : text.replaceAll("''", "'");
  return values;
}

async function main() {
  ensureBuilt(log);
  state.tmp = mkdtempSync(join(os.tmpdir(), 'bt-bench-reads-'));
  chmodSync(state.tmp, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach its directory
  // PostgreSQL's log, from which each read's twin is captured (captureTwins).
  if (process.env.BENCH_DATABASE_URL) throw new Error("bench:reads captures its twins from the embedded PostgreSQL's log: run it without BENCH_DATABASE_URL");
  const logFile = join(state.tmp, 'postgres.log');
  const databaseUrl = await startDatabase(state, `bt_bench_reads_${process.pid}`, log, { logTo: logFile, flags: ['-c', `log_line_prefix=${LOG_PREFIX}%a|`] });
  // No notification worker: it would tell people of the millions of audit events the bench generates,
  // while the reads are measured — its statements loading the machine, and the notifications it writes
  // growing the inbox under the bench's feet.
  process.env.NOTIFICATIONS_WORKER = 'false';
  const port = await startApi(state, databaseUrl, log);
  const db = pgClient(databaseUrl, 'bench-reads');
  await db.connect();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY, application_name: 'bench-reads-raw' });
  pool.on('error', ignore);
  const { demo, demoBenchmarks } = await prepare(db);
  log(`${loadText()}`);

  const users = {};
  for (const [key, email] of [
    ['coordinator', 'coordinator@demo.test'],
    ['commission', 'commission@demo.test'],
    ['cso', 'cso@demo.test'],
  ]) {
    const agent = new http.Agent({ keepAlive: true });
    const {
      rows: [u],
    } = await db.query(
      `SELECT u.id, u.organisation_id, trim(o.country_code) AS country, array_agg(r.role) AS roles FROM app_user u JOIN organisation o ON o.id = u.organisation_id
         JOIN role_assignment r ON r.user_id = u.id WHERE u.email = $1 GROUP BY u.id, o.country_code`,
      [email],
    );
    users[key] = {
      email,
      headers: await signIn(agent, port, email),
      userId: u.id,
      organisationId: u.organisation_id,
      country: u.country,
      roles: u.roles,
      commission: u.roles.includes('commission'),
      ministry: u.roles.includes('ministry'),
      cso: u.roles.includes('civil_society'),
    };
    agent.destroy();
  }

  const errors = new Map();
  const bySize = [];
  let generated = 0;
  for (const size of SIZES) {
    const target = Math.max(0, size - demoBenchmarks);
    log(`growing to ${size.toLocaleString('en')} benchmarks (${loadText()})…`);
    const facts = await generate(db, demo, generated, target);
    generated = target;
    const results = [];
    const readList = await reads(db, users);
    await captureTwins(db, readList, port, logFile);
    for (const read of readList) {
      if (state.aborted) return;
      log(`measuring ${read.name} at ${size.toLocaleString('en')}…`);
      results.push(await measureRead(read, port, pool, errors));
    }
    printTable(facts, results);
    bySize.push({ size, facts, results });
    const last = size === SIZES[SIZES.length - 1];
    for (const r of results) {
      const misses = [];
      if (last && percentile(r.api, 0.95) > GOAL_P95_MS) misses.push(`p95 ${percentile(r.api, 0.95).toFixed(1)} ms > ${GOAL_P95_MS} ms`);
      if (r.apiPerSecond / r.rawPerSecond < GOAL_RATIO) misses.push(`throughput ratio ${(r.apiPerSecond / r.rawPerSecond).toFixed(2)} < ${GOAL_RATIO}`);
      if (last && bySize.length > 1) {
        const first = bySize[0].results.find((f) => f.name === r.name);
        const flat = percentile(r.api, 0.95) / percentile(first.api, 0.95);
        if (flat > GOAL_FLAT) misses.push(`p95 grew ${flat.toFixed(2)}× from ${SIZES[0].toLocaleString('en')} benchmarks`);
      }
      if (last && misses.length) await explain(db, r.slowestVariant, `${r.name} — ${misses.join('; ')} (its slowest variant)`);
    }
  }

  if (bySize.length > 1) {
    const [first, last] = [bySize[0], bySize[bySize.length - 1]];
    console.log('');
    console.log(
      `Flatness: p95 at ${last.size.toLocaleString('en')} / p95 at ${first.size.toLocaleString('en')} benchmarks (goal ≤ ${GOAL_FLAT}); ${loadText()}`,
    );
    for (const r of last.results) {
      const f = first.results.find((x) => x.name === r.name);
      const flat = percentile(r.api, 0.95) / percentile(f.api, 0.95);
      console.log(
        `${r.name.padEnd(20)}${ms(percentile(f.api, 0.95))} →${ms(percentile(r.api, 0.95))} ms  ${flat.toFixed(2).padStart(5)}×  ${flat <= GOAL_FLAT ? 'PASS' : 'FAIL'}`,
      );
    }
  }
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  if (errorCount) {
    console.log('');
    console.log(`errors: ${errorCount}`);
    for (const [message, n] of errors) console.log(`  ${n} × ${message}`);
  }
  const requests = bySize.reduce((sum, s) => sum + s.results.reduce((n, r) => n + r.api.length, 0), 0);
  await pool.end().catch(ignore);
  await db.end();
  if (process.env.BENCH_KEEP) {
    log(`BENCH_KEEP: database ${databaseUrl}, API on port ${port}; Ctrl-C stops them`);
    return;
  }
  await cleanup();
  process.exit(errorCount / Math.max(1, requests + errorCount) <= MAX_ERROR_RATE ? 0 : 1);
}

main().catch(async (error) => {
  console.error(`[bench:reads] ${error instanceof Error ? error.stack : error}`);
  await cleanup();
  process.exit(1);
});
