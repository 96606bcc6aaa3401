// `npm run bench:search`: GET /api/search over HTTP on a generated dataset of BENCH_SEARCH_EVIDENCE
// (100,000) evidence items; prints p50 / p95 / p99 per caller and overall, and the goal (p95 ≤ 100 ms).
//
// Like `npm run bench` (tools/bench/run.mjs, sharing tools/bench/harness.mjs): needs dist/apps/api/main.js (builds it if missing),
// starts an embedded PostgreSQL in a temporary directory (or creates a database on
// BENCH_DATABASE_URL's server) and the built API against it in demo mode. The data is generated in
// SQL with generate_series: synthetic benchmarks for the six partners, evidence items of every
// visibility with narratives drawn from English and Serbian words (with diacritics, skewed so some
// words are common and most are rare), their first versions, file names and CSO proposals.
// Then BENCH_SEARCH_CLIENTS clients search, each as one caller (anonymous, the Serbian ministry, the
// Commission, a Serbian CSO), for many terms (one word, two words, with and without diacritics, a
// country filter, one kind, a word nobody wrote). Every answer but 200 is an error; more than 1%
// errors makes the run fail (exit 1). The goal is reported, not enforced. Ctrl-C cleans up.
//
//   BENCH_SEARCH_EVIDENCE=100000  BENCH_SEARCH_REQUESTS=600  BENCH_SEARCH_CLIENTS=2  BENCH_SEARCH_WARMUP=40
//   BENCH_DATABASE_URL=postgres://user:pw@host:5432/postgres   a server where it may CREATE DATABASE
//   BENCH_API_MAIN=path/to/main.js   measure another build of the API (default dist/apps/api/main.js)
//   BENCH_KEEP=1   leave the database and the API running afterwards (their URL and port are printed),
//                  e.g. to EXPLAIN the search statement on the generated data; Ctrl-C stops them
import { chmodSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchRun, ensureBuilt, pgClient, request, setting, signIn, startApi, startDatabase } from './harness.mjs';

const GOAL_P95_MS = 100;
const MAX_ERROR_RATE = 0.01;
const log = (message) => console.log(`[bench:search] ${message}`);

const EVIDENCE = setting('BENCH_SEARCH_EVIDENCE', 100_000);
const REQUESTS = setting('BENCH_SEARCH_REQUESTS', 600);
const CLIENTS = setting('BENCH_SEARCH_CLIENTS', 2);
const WARMUP = setting('BENCH_SEARCH_WARMUP', 40, { min: 0 });

// ─── cleanup: API, then the database, then the temporary directory; once, also on Ctrl-C ───

const { state, cleanup } = benchRun('bench:search');

// ─── the data: generated in SQL ───

// English and Serbian (Latin, with diacritics) words of the domain; the first ones are drawn most often.
const WORDS = `the of and i u za na sa da je se od o the to in for with ministry ministarstvo report izveštaj law zakon court sud judiciary pravosuđe
  police policija border granica migration migracije asylum azil prosecution tužilaštvo corruption korupcija training obuka strategy strategija
  cooperation saradnja convictions presude assets imovina confiscation oduzimanje investigation istraga financial finansijske smuggling krijumčarenje
  trafficking trgovina ljudima victims žrtve referral upućivanje mechanism mehanizam capacity kapaciteti staff zaposleni data podaci statistics statistika
  action akcioni plan implementation sprovođenje deadline rok budget budžet institution institucija coordination koordinacija monitoring praćenje
  civil civilno society društvo consultation konsultacije proposal predlog evidence dokaz reform reforma independence nezavisnost integrity integritet
  organised organizovani crime kriminal drugs droge terrorism terorizam radicalisation radikalizacija cybercrime visokotehnološki money pranje laundering
  witness svedok protection zaštita detention pritvor return povratak readmission readmisija visa vize schengen šengen frontex europol eurojust
  interoperability baza biometric biometrijski passport pasoš identity identitet document dokument case predmet hearing ročište appeal žalba
  verdict presuda sentence kazna prison zatvor probation uslovna juvenile maloletnik gender rodna equality ravnopravnost minority manjina roma romi
  ombudsman zaštitnik građana parliament skupština government vlada decree uredba bylaw pravilnik amendment izmena draft nacrt adoption usvajanje
  analysis analiza gap procena needs potrebe assessment ocena peer partnerska review mission misija expert stručnjak recommendation preporuka follow-up
  ljubičasta čačak niš kragujevac šabac užice priboj pančevo subotica beograd zaječar leskovac vranje kruševac smederevo`
  .split(/\s+/)
  .filter(Boolean);

async function generate(db) {
  const t0 = performance.now();
  const user = async (email) => (await db.query(`SELECT id FROM app_user WHERE email = $1`, [email])).rows[0]?.id;
  const [ministry, cso, commission] = [await user('ministry@demo.test'), await user('cso@demo.test'), await user('commission@demo.test')];
  if (!ministry || !cso || !commission) throw new Error('no demo accounts: is the API in demo mode?');
  // A skewed pick: low indices (common words) far more often than high ones. The words are one
  // parameter, a constant array in the plan (a table column would be read afresh for every word).
  const text = (words, seed) =>
    `(SELECT string_agg(($1::text[])[1 + floor(power(random(), 2.2) * ${WORDS.length})::int], ' ') FROM generate_series(1, ${words} + ${seed} * 0))`;
  // 20 synthetic benchmarks per partner, beside Serbia's real catalogue.
  await db.query(`INSERT INTO area (country_code, chapter_number, code, title, position)
      SELECT c.code, 24, 'GEN', 'Generated area (bench:search)', 900 FROM country c`);
  await db.query(
    `INSERT INTO benchmark (code, area_id, position, text)
      SELECT trim(a.country_code) || '-24-GEN-' || lpad(i::text, 2, '0'), a.id, i, 'Generated benchmark ' || i || ': ' || ${text(25, 'i')}
        FROM area a, generate_series(1, 20) AS i WHERE a.code = 'GEN'`,
    [WORDS],
  );
  await db.query(`CREATE TEMP TABLE b AS SELECT row_number() OVER (ORDER BY b.code) AS n, b.id FROM benchmark b`);
  const {
    rows: [{ count: benchmarks }],
  } = await db.query(`SELECT count(*)::int AS count FROM b`);
  await db.query(
    `INSERT INTO evidence (benchmark_id, title, narrative, visibility, author_id, updated_by, period_start, period_end, created_at, updated_at)
     SELECT b.id, initcap(${text('4 + i % 5', 'i')}), ${text('40 + i % 90', 'i')},
            (ARRAY['internal', 'shared', 'shared', 'public'])[1 + i % 4], $3, $3,
            make_date(2020 + i % 6, 1, 1), make_date(2020 + i % 6, 12, 31), now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
       FROM generate_series(1, $2::int) AS i JOIN b ON b.n = 1 + i % $4`,
    [WORDS, EVIDENCE, ministry, benchmarks],
  );
  // The generated items' first versions (the demo's own evidence has its versions already).
  await db.query(`INSERT INTO evidence_version (evidence_id, version, title, narrative, visibility, period_start, period_end, author_id, created_at)
      SELECT id, 1, title, narrative, visibility, period_start, period_end, author_id, created_at FROM evidence e
       WHERE NOT EXISTS (SELECT 1 FROM evidence_version v WHERE v.evidence_id = e.id)`);
  // A file on every fifth item, named like real uploads.
  await db.query(
    `WITH f AS (
       INSERT INTO stored_file (storage_key, file_name, media_type, kind, sha256, size, uploaded_by)
       SELECT gen_random_uuid()::text, replace(${text(3, 'n')}, ' ', '_') || '_' || (2020 + n % 6) || '.pdf', 'application/pdf', 'pdf', repeat('0', 64), 1000 + n, $2
         FROM generate_series(1, $3::int / 5) AS n
       RETURNING id, size)
     INSERT INTO evidence_file (evidence_id, stored_file_id, added_in_version)
     SELECT e.id, f.id, 1 FROM f JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM evidence) e ON e.n = (f.size - 1000) * 5`,
    [WORDS, ministry, EVIDENCE],
  );
  await db.query(
    `INSERT INTO proposal (benchmark_id, text, author_id) SELECT b.id, ${text('20 + i % 60', 'i')}, $3 FROM generate_series(1, $2::int) AS i JOIN b ON b.n = 1 + i % $4`,
    [WORDS, Math.round(EVIDENCE / 10), cso, benchmarks],
  );
  await db.query('VACUUM ANALYZE');
  const {
    rows: [facts],
  } = await db.query(`SELECT (SELECT count(*) FROM evidence)::int AS evidence, (SELECT count(*) FROM evidence_file)::int AS files,
      (SELECT count(*) FROM proposal)::int AS proposals, (SELECT count(*) FROM benchmark)::int AS benchmarks, pg_size_pretty(pg_database_size(current_database())) AS size`);
  log(
    `generated ${facts.evidence} evidence items, ${facts.files} files, ${facts.proposals} proposals on ${facts.benchmarks} benchmarks (${facts.size}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return facts;
}

// ─── the measurement ───

const QUERIES = [
  'pravosuđe',
  'pravosudje',
  'pravosude',
  'korupcija',
  'corruption',
  'tužilaštvo',
  'tuzilastvo',
  'krijumčarenje',
  'krijumcarenje smuggling',
  'migration border',
  'finansijske istrage',
  'asset confiscation',
  'izveštaj',
  'izvestaj 2024',
  'witness protection',
  'zaštita svedok',
  'trgovina ljudima',
  'readmission',
  'šengen',
  'schengen visa',
  'ljubičasta',
  'čačak',
  'cacak',
  'subotica beograd',
  'europol eurojust',
  'peer review mission',
  'radicalisation',
  'RS-24-MIG-02',
  'gap analysis',
  'nonexistentword',
  'police training',
  'ombudsman',
];
const VARIANTS = ['', '&country=RS', '&kind=evidence', '&kind=proposal', '&country=AL'];

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN;
}

async function measure(port) {
  const callers = [
    { name: 'anonymous', email: null },
    { name: 'ministry RS', email: 'ministry@demo.test' },
    { name: 'commission', email: 'commission@demo.test' },
    { name: 'cso RS', email: 'cso@demo.test' },
  ];
  for (const caller of callers) {
    caller.agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    caller.headers = caller.email ? await signIn(caller.agent, port, caller.email) : {};
    caller.latencies = [];
  }
  const errors = new Map();
  let next = 0;
  let done = 0;
  const hits = [];
  const byQuery = {};
  const run = async (c) => {
    for (;;) {
      const i = next++;
      if (i >= WARMUP + REQUESTS || state.aborted) return;
      const caller = callers[(c + i) % callers.length];
      const query = QUERIES[i % QUERIES.length];
      const path = `/api/search?q=${encodeURIComponent(query)}${VARIANTS[Math.floor(i / QUERIES.length) % VARIANTS.length]}`;
      const t0 = performance.now();
      const res = await request(caller.agent, port, 'GET', path, undefined, caller.headers).catch((error) => ({ status: error.message, text: '' }));
      const ms = performance.now() - t0;
      if (res.status !== 200) {
        const key = `${res.status} ${String(res.text).slice(0, 120)}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
      } else if (i >= WARMUP) {
        caller.latencies.push(ms);
        (byQuery[query] ??= []).push(ms);
        hits.push(JSON.parse(res.text).groups.reduce((sum, g) => sum + g.total, 0));
      }
      if (i >= WARMUP) done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => run(c)));
  const seconds = (performance.now() - t0) / 1000;
  for (const caller of callers) caller.agent.destroy();
  return { callers, errors, done, seconds, hits: hits.sort((a, b) => a - b), byQuery };
}

function report(facts, result) {
  const all = result.callers.flatMap((c) => c.latencies).sort((a, b) => a - b);
  const ms = (v) => `${v.toFixed(1).padStart(7)} ms`;
  console.log('');
  console.log(
    `Search over ${facts.evidence.toLocaleString('en')} evidence items, ${facts.files.toLocaleString('en')} files, ${facts.proposals.toLocaleString('en')} proposals (${facts.size})`,
  );
  console.log(
    `${result.done} requests by ${CLIENTS} clients in ${result.seconds.toFixed(1)} s (${(result.done / result.seconds).toFixed(1)} req/s); ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log(`matches per answer (all groups): median ${percentile(result.hits, 0.5)}, max ${result.hits[result.hits.length - 1]}`);
  console.log('');
  console.log(`${'caller'.padEnd(14)}${'requests'.padStart(9)}${'p50'.padStart(11)}${'p95'.padStart(11)}${'p99'.padStart(11)}`);
  for (const caller of [...result.callers, { name: 'all', latencies: all }]) {
    const sorted = [...caller.latencies].sort((a, b) => a - b);
    console.log(
      `${caller.name.padEnd(14)}${String(sorted.length).padStart(9)} ${ms(percentile(sorted, 0.5))} ${ms(percentile(sorted, 0.95))} ${ms(percentile(sorted, 0.99))}`,
    );
  }
  const terms = Object.entries(result.byQuery)
    .map(([query, list]) => [
      query,
      percentile(
        list.sort((a, b) => a - b),
        0.5,
      ),
    ])
    .sort((a, b) => b[1] - a[1]);
  console.log('');
  console.log(
    `slowest terms (median): ${terms
      .slice(0, 5)
      .map(([q, v]) => `"${q}" ${v.toFixed(0)} ms`)
      .join(', ')}`,
  );
  console.log(
    `fastest terms (median): ${terms
      .slice(-3)
      .map(([q, v]) => `"${q}" ${v.toFixed(0)} ms`)
      .join(', ')}`,
  );
  const p95 = percentile(all, 0.95);
  console.log('');
  console.log(`goal: p95 ≤ ${GOAL_P95_MS} ms → ${p95 <= GOAL_P95_MS ? 'met' : 'NOT met'} (p95 ${p95.toFixed(1)} ms)`);
  const errorCount = [...result.errors.values()].reduce((a, b) => a + b, 0);
  if (errorCount) {
    console.log(`errors: ${errorCount}`);
    for (const [message, n] of result.errors) console.log(`  ${n} × ${message}`);
  }
  return errorCount / Math.max(1, result.done + errorCount) <= MAX_ERROR_RATE;
}

async function main() {
  ensureBuilt(log);
  state.tmp = mkdtempSync(join(os.tmpdir(), 'bt-bench-search-'));
  chmodSync(state.tmp, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach its directory
  const databaseUrl = await startDatabase(state, `bt_bench_search_${process.pid}`, log);
  const port = await startApi(state, databaseUrl, log);
  const db = pgClient(databaseUrl, 'bench-search');
  await db.connect();
  const facts = await generate(db);
  await db.end();
  log(`searching: ${WARMUP} warm-up + ${REQUESTS} measured requests…`);
  const ok = report(facts, await measure(port));
  if (process.env.BENCH_KEEP) {
    log(`BENCH_KEEP: database ${databaseUrl}, API on port ${port}; Ctrl-C stops them`);
    return;
  }
  await cleanup();
  process.exit(ok ? 0 : 1);
}

main().catch(async (error) => {
  console.error(`[bench:search] ${error instanceof Error ? error.stack : error}`);
  await cleanup();
  process.exit(1);
});
