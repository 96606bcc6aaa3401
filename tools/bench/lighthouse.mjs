// `npm run bench:lighthouse`: Lighthouse's mobile audit of the first visit, as issue 19 asks for it.
// Builds nothing: it starts the built product (dist/apps/api and dist/apps/web — build them first with
// `npx nx run-many -t build -p api web`) as `npm run bench:first-load` does, on an embedded PostgreSQL
// in a temporary directory (or a database on BENCH_DATABASE_URL's server), in demo mode, then runs
// Lighthouse with its default mobile settings (a Moto G Power sized screen, simulated slow 4G —
// 150 ms round trip, 1.6 Mbit/s — and a CPU four times slower) against `/` and the chapter overview,
// anonymously, in Debian's Chromium with an empty cache each time. Each page is audited
// LIGHTHOUSE_RUNS times (default 3) and the run with the median performance score counts, since one
// run on a busy machine can be off by ten points. It prints the performance and accessibility
// scores and the key metrics of each run, and exits 1 when a page's median misses a goal:
// performance ≥ 85, accessibility ≥ 95.
// Then each signed-in role's home page (issue 17: accessibility ≥ 95 on every home page) is audited
// once for accessibility, signed in as that role's demo account (its session cookie sent with every
// request); accessibility does not vary between runs as performance does.
//
//   CHROME_PATH=/usr/bin/chromium   LIGHTHOUSE_RUNS=3   LIGHTHOUSE_REPORTS=dir (writes each run's HTML report there)
//   LIGHTHOUSE_ROLES=coordinator,cso (the signed-in home pages to audit; `none` for none)
//   BENCH_DATABASE_URL=postgres://…   BENCH_API_MAIN=path/to/main.js   WEB_DIR=path/to/browser
import http from 'node:http';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { benchRun, ensureBuilt, request, root, setting, signIn, startApi, startDatabase } from './harness.mjs';

const GOALS = { performance: 85, accessibility: 95 };
const PAGES = [
  { name: 'home (/)', path: '/' },
  { name: 'chapter overview', path: '/overview' },
];
// The demo accounts (seeds/demo/identity.json) of every signed-in role.
const ROLES = ['coordinator', 'ministry', 'commission', 'expert', 'cso', 'admin'];
const RUNS = setting('LIGHTHOUSE_RUNS', 3);
const log = (message) => console.log(`[bench:lighthouse] ${message}`);

let chrome = null;
const { state, cleanup } = benchRun('bench:lighthouse', async () => {
  await chrome?.kill();
});

/** One Lighthouse run of `url` (mobile, its default simulated throttling); the figures we report. */
async function audit(url, { categories = ['performance', 'accessibility'], headers } = {}) {
  const result = await lighthouse(url, { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: categories, extraHeaders: headers });
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const value = (id) => lhr.audits[id]?.numericValue ?? null;
  const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100)); // null: not audited
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    speedIndex: value('speed-index'),
    bytes: value('total-byte-weight'),
    // What Lighthouse would fix first: the failing audits of each category, by name.
    failing: Object.values(lhr.audits)
      .filter(
        (a) =>
          a.score !== null &&
          a.score < 0.9 &&
          ['numeric', 'binary', 'metricSavings'].includes(a.scoreDisplayMode) &&
          !/^(first-contentful-paint|largest-contentful-paint|total-blocking-time|cumulative-layout-shift|speed-index|interactive|max-potential-fid)$/.test(
            a.id,
          ),
      )
      .map((a) => a.id),
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    html: result.report,
  };
}

/** A run that fails as a whole (NO_FCP: nothing painted within Lighthouse's time, as on an overloaded machine) is tried again, twice at most. */
async function auditRetried(url, options) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url, options);
    } catch (error) {
      if (attempt === 3) throw error;
      log(`${error.message} — trying again`);
    }
  }
}

const s = (ms) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
const line = (r) =>
  `performance ${r.performance}, accessibility ${r.accessibility} — FCP ${s(r.fcp)}, LCP ${s(r.lcp)}, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}, Speed Index ${s(r.speedIndex)}, ${(r.bytes / 1024).toFixed(0)} kB transferred`;

async function main() {
  const webDir = process.env.WEB_DIR ?? join(root, 'dist/apps/web/browser');
  if (!existsSync(join(webDir, 'index.html'))) throw new Error(`no built web app in ${webDir}: run npx nx run-many -t build -p api web first`);
  ensureBuilt(log);
  state.tmp = mkdtempSync(join(os.tmpdir(), 'bt-bench-lighthouse-'));
  chmodSync(state.tmp, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach its directory
  const databaseUrl = await startDatabase(state, `bt_bench_lighthouse_${process.pid}`, log);
  const port = await startApi(state, databaseUrl, log);
  const reports = process.env.LIGHTHOUSE_REPORTS;
  if (reports) mkdirSync(reports, { recursive: true });
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  log(`Lighthouse mobile (simulated slow 4G, CPU ×4), ${RUNS} run(s) per page; load average ${os.loadavg()[0].toFixed(2)}`);
  let met = true;
  for (const { name, path } of PAGES) {
    const url = `http://127.0.0.1:${port}${path}`;
    console.log(`\n${name} — ${url}`);
    const runs = [];
    for (let i = 1; i <= RUNS; i++) {
      const run = await auditRetried(url);
      runs.push(run);
      console.log(`  run ${i}: ${line(run)} (load ${os.loadavg()[0].toFixed(1)})`);
      if (reports) writeFileSync(join(reports, `${path === '/' ? 'home' : path.slice(1).replaceAll('/', '-')}-${i}.html`), run.html);
    }
    const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor((runs.length - 1) / 2)];
    const ok = median.performance >= GOALS.performance && median.accessibility >= GOALS.accessibility;
    met &&= ok;
    console.log(`  median: ${line(median)} — goals (performance ≥ ${GOALS.performance}, accessibility ≥ ${GOALS.accessibility}): ${ok ? 'met' : 'NOT met'}`);
    if (median.lcpElement) console.log(`  largest contentful paint: ${median.lcpElement}`);
    if (median.failing.length) console.log(`  audits to look at: ${median.failing.join(', ')}`);
  }
  const roles = process.env.LIGHTHOUSE_ROLES === 'none' ? [] : (process.env.LIGHTHOUSE_ROLES?.split(',') ?? ROLES);
  if (roles.length) console.log(`\nsigned-in home pages (/), accessibility, one run each`);
  for (const role of roles) {
    // Lighthouse's own browser tab has no cookie jar we can fill: the session travels as a header.
    const agent = new http.Agent();
    const { cookie } = await signIn(agent, port, `${role}@demo.test`);
    const current = await request(agent, port, 'GET', '/api/auth/current', undefined, { cookie });
    if (!JSON.parse(current.text).me) throw new Error(`the ${role}'s session cookie is not taken: ${current.text}`);
    const run = await auditRetried(`http://127.0.0.1:${port}/`, { categories: ['accessibility'], headers: { Cookie: cookie } });
    const ok = run.accessibility >= GOALS.accessibility;
    met &&= ok;
    console.log(
      `  ${role.padEnd(11)} accessibility ${run.accessibility} — goal ≥ ${GOALS.accessibility}: ${ok ? 'met' : 'NOT met'}${run.failing.length ? ` (audits to look at: ${run.failing.join(', ')})` : ''}`,
    );
    if (reports) writeFileSync(join(reports, `home-${role}.html`), run.html);
  }
  console.log(`\nLighthouse goals: ${met ? 'met' : 'NOT met'}`);
  await cleanup();
  process.exit(met ? 0 : 1);
}

main().catch(async (error) => {
  console.error(`[bench:lighthouse] ${error instanceof Error ? error.stack : error}`);
  await cleanup();
  process.exit(2);
});
