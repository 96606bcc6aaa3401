// `npm run bench:reports`: how long the generated documents take and how much memory the API needs
// for them. Like the other benches (tools/bench/harness.mjs): needs dist/apps/api/main.js (builds it
// if missing), starts an embedded PostgreSQL in a temporary directory (or creates a database on
// BENCH_DATABASE_URL's server) and the built API against it in demo mode.
//
//   1. The full Serbian Chapter 24 progress report with the demo data (41 benchmarks), as the ministry
//      coordinator sees it, in PDF and in Word: one warm-up, then BENCH_RUNS timed downloads each.
//      Goal, reported not enforced: ≤ 3 s.
//   2. A large chapter: 50 benchmarks × 200 evidence items (each with a narrative of about 400 words,
//      which the chapter report leaves to the dossiers), generated in SQL on Montenegro's Chapter 23,
//      as the Commission sees it: one download of each format, its time and the API's peak resident
//      memory (VmHWM of /proc/<pid>/status) during it: the peak is reset before each document
//      (clear_refs), so each row's peak is its own (else, where that is not allowed, the peak so far).
//
//   BENCH_RUNS=3   timed downloads of each document
//   BENCH_DATABASE_URL=postgres://user:pw@host:5432/postgres   a server where it may CREATE DATABASE
//   BENCH_API_MAIN=path/to/main.js   measure another build of the API (default dist/apps/api/main.js)
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchRun, ensureBuilt, ignore, pgClient, setting, signIn, startApi, startDatabase } from './harness.mjs';

const GOAL_SECONDS = 3;
const RUNS = setting('BENCH_RUNS', 3);
const LARGE = { benchmarks: 50, evidence: 200 };
const log = (message) => console.log(`[bench:reports] ${message}`);

const { state, cleanup } = benchRun('bench:reports');
/** Whether each row's peak is its own (the peak reset before it), else the peak since the API started. */
let peakOfEach = true;

/** A GET whose body is only counted (a document is binary), with the time to its last byte. */
function download(port, path, headers) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode, bytes, seconds: (performance.now() - started) / 1000 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts the API's peak resident memory afresh (Linux ≥ 4.0: 5 to clear_refs), so each document's own peak is read; false where it may not. */
function resetPeak() {
  try {
    writeFileSync(`/proc/${state.api.pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The API process's resident memory now and at its peak, in MB (Linux). */
function memory() {
  const status = readFileSync(`/proc/${state.api.pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function measure(port, headers, what, path, runs = RUNS) {
  peakOfEach = resetPeak() && peakOfEach;
  const first = await download(port, path, headers);
  if (first.status !== 200) throw new Error(`${what}: ${path} answered ${first.status}`);
  const times = runs > 0 ? [] : [first.seconds]; // with runs, the first was a warm-up
  for (let i = 0; i < runs; i++) times.push((await download(port, path, headers)).seconds);
  times.sort((a, b) => a - b);
  const { rss, peak } = memory();
  const median = times[Math.floor(times.length / 2)];
  return { what, kB: Math.round(first.bytes / 1024), first: first.seconds, median, max: times[times.length - 1], rss, peak };
}

/** 50 benchmarks of 200 evidence items each, on Montenegro's Chapter 23 (empty in the catalogue). */
async function generateLargeChapter(db) {
  const {
    rows: [author],
  } = await db.query(`SELECT id FROM app_user WHERE email = 'commission@demo.test'`);
  await db.query(`INSERT INTO area (id, country_code, chapter_number, code, title, intro, position)
      VALUES ('00000000-0000-4000-8000-00000000be00', 'ME', 23, 'BEN', 'Bench area: the judiciary', 'Generated for npm run bench:reports.', 1)`);
  await db.query(
    `INSERT INTO benchmark (id, code, area_id, position, text, state, version, created_at, updated_at)
     SELECT md5('bench-report-' || n)::uuid, 'ME-23-BEN-' || lpad(n::text, 2, '0'), '00000000-0000-4000-8000-00000000be00', n,
            'Montenegro ensures that the judiciary ' || repeat('applies the law independently and efficiently, ', 6) || n, 'draft', 1, now(), now()
       FROM generate_series(1, $1::int) AS n`,
    [LARGE.benchmarks],
  );
  await db.query(
    `INSERT INTO sub_requirement (code, benchmark_id, position, text)
     SELECT 'ME-23-BEN-' || lpad(n::text, 2, '0') || '.' || i, md5('bench-report-' || n)::uuid, i, 'Sub-requirement ' || i || ' of benchmark ' || n
       FROM generate_series(1, $1::int) AS n CROSS JOIN generate_series(1, 3) AS i`,
    [LARGE.benchmarks],
  );
  await db.query(
    `INSERT INTO evidence (id, benchmark_id, title, narrative, visibility, author_id, updated_by, period_start, period_end, created_at, updated_at)
     SELECT md5('bench-report-e-' || n || '-' || j)::uuid, md5('bench-report-' || n)::uuid, 'Evidence item ' || j || ' on benchmark ' || n || ': court statistics and reports',
            repeat('The courts reported the cases received, resolved and pending, with their age, per court and per year; đ ž č ć š. ', 25),
            (ARRAY['public', 'shared'])[1 + j % 2], $3::uuid, $3::uuid, make_date(2020 + j % 6, 1, 1), make_date(2020 + j % 6, 12, 31), now(), now()
       FROM generate_series(1, $1::int) AS n CROSS JOIN generate_series(1, $2::int) AS j`,
    [LARGE.benchmarks, LARGE.evidence, author.id],
  );
  await db.query(`ANALYZE`);
}

async function main() {
  ensureBuilt(log);
  state.tmp = mkdtempSync(join(os.tmpdir(), 'bt-bench-reports-'));
  chmodSync(state.tmp, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach its directory
  const databaseUrl = await startDatabase(state, 'bench_reports', log);
  const port = await startApi(state, databaseUrl, log);
  const ministry = await signIn(undefined, port, 'coordinator@demo.test');
  const commission = await signIn(undefined, port, 'commission@demo.test');
  const cookie = (h) => ({ cookie: h.cookie });
  const results = [];
  const started = memory();
  log(`API started: ${started.rss.toFixed(0)} MB resident`);

  for (const format of ['pdf', 'docx']) {
    results.push(
      await measure(
        port,
        cookie(ministry),
        `Serbian Chapter 24, demo data, ${format}`,
        `/api/reports/chapter?country=RS&chapter=24&period=2025&format=${format}&lang=sr-Latn`,
      ),
    );
  }
  const db = pgClient(databaseUrl);
  await db.connect();
  try {
    log(`generating ${LARGE.benchmarks} benchmarks × ${LARGE.evidence} evidence items…`);
    await generateLargeChapter(db);
  } finally {
    await db.end().catch(ignore);
  }
  for (const format of ['pdf', 'docx']) {
    results.push(
      await measure(
        port,
        cookie(commission),
        `${LARGE.benchmarks} benchmarks × ${LARGE.evidence} evidence, ${format}`,
        `/api/reports/chapter?country=ME&chapter=23&period=2025&format=${format}`,
        0,
      ),
    );
  }

  const [load1] = os.loadavg();
  console.log(
    `\nGenerated documents (load average ${load1.toFixed(2)}, ${os.cpus().length} cores; demo: ${RUNS} timed runs after one warm-up; large: one run)`,
  );
  console.log(`| document | size | first | median | max | API resident after | API peak ${peakOfEach ? 'during it' : 'so far'} |`);
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.what} | ${r.kB.toLocaleString('en')} kB | ${r.first.toFixed(2)} s | ${r.median.toFixed(2)} s | ${r.max.toFixed(2)} s | ${r.rss.toFixed(0)} MB | ${r.peak.toFixed(0)} MB |`,
    );
  }
  const demo = results.slice(0, 2);
  const met = demo.every((r) => r.median <= GOAL_SECONDS);
  console.log(
    `\nGoal: the Serbian Chapter 24 report in ≤ ${GOAL_SECONDS} s (median) — ${met ? 'met' : 'not met'} (${demo.map((r) => `${r.median.toFixed(2)} s`).join(', ')}).`,
  );
}

main()
  .catch((error) => {
    console.error(`[bench:reports] ${error.stack ?? error.message}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
