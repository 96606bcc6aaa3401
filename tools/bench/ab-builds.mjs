// Two builds of the API compared on one database, interleaved (issue 20): what a change does to the
// API process's CPU per workflow transition, on a machine whose background load comes and goes.
//
//   node tools/bench/ab-builds.mjs before/main.js after/main.js
//
// Starts an embedded PostgreSQL and both builds against it (demo mode, NOTIFICATIONS_WORKER=false
// unless AB_WORKER=true, so that neither dispatches the other's notifications), inserts 128 synthetic
// benchmarks with one shared evidence item each, signs 16 clients in, then sends their transitions
// (SUBMIT / REQUEST_CHANGES, as npm run bench:transitions does) to one build at a time, in slices of
// AB_SLICE seconds (1.5) taking turns A B B A …, for AB_SECONDS (30) per build. Prints per build:
// transitions per second, its process's CPU ms per transition, the idle other build's CPU in the same
// slices (what an instance spends on others' transitions: LISTEN, live changes) and PostgreSQL's.
// A CPU figure moves with the machine's load; the two builds meet the same load, so compare them
// with each other in one run, and repeat with the builds swapped. AB_PROF=1: a CPU profile of each
// build in /tmp/prof-ab/A and /tmp/prof-ab/B.
// AB_NODE_ARGS_A / AB_NODE_ARGS_B: node flags for one side (the same build twice compares flags).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLK_TCK, pgClient, postgresTicks, processTicks, request, signIn, startApi, startDatabase, stopChild } from './harness.mjs';

const [mainA, mainB] = process.argv.slice(2).map((p) => resolve(p));
const SECONDS = Number(process.env.AB_SECONDS ?? 30),
  SLICE = Number(process.env.AB_SLICE ?? 1.5),
  CLIENTS = 16,
  ROWS = 8;
const WORKER = process.env.AB_WORKER ?? 'false';
const log = (m) => console.log(`[ab] ${m}`);
const state = { tmp: mkdtempSync(join(os.tmpdir(), 'bt-ab-')) };
chmodSync(state.tmp, 0o755);
const apis = [];
async function cleanup() {
  for (const a of apis) await stopChild(a.child, 'SIGTERM', 15000);
  await stopChild(state.database, 'SIGTERM', 30000);
  rmSync(state.tmp, { recursive: true, force: true });
}
process.on('SIGINT', () => cleanup().finally(() => process.exit(130)));

/** A build on the bench's database; both builds log to the one api.log of the temporary directory. */
async function startBuild(main, name, dbUrl, nodeArgs) {
  const build = { tmp: state.tmp, api: null, apiLog: null };
  const port = await startApi(build, dbUrl, log, nodeArgs, main);
  return { name, port, child: build.api };
}
const pgTicks = () => postgresTicks(state.dataDir);

const dbUrl = await startDatabase(state, 'bt_ab', log);
const prof = (n) => (process.env.AB_PROF ? ['--cpu-prof', `--cpu-prof-dir=/tmp/prof-ab/${n}`] : []);
// Neither build dispatches notifications (unless AB_WORKER=true): each would tell of the other's transitions too.
process.env.NOTIFICATIONS_WORKER = WORKER;
const extra = (n) => (process.env[`AB_NODE_ARGS_${n}`] ?? '').split(/\s+/).filter(Boolean);
const A = await startBuild(mainA, 'A', dbUrl, [...prof('A'), ...extra('A')]);
apis.push(A);
const B = await startBuild(mainB, 'B', dbUrl, [...prof('B'), ...extra('B')]);
apis.push(B);
log(`A ${mainA} :${A.port}; B ${mainB} :${B.port}; worker ${WORKER}`);
const db = pgClient(dbUrl, 'ab-admin');
await db.connect();
const users = {};
for (const a of ['coordinator', 'commission']) users[a] = (await db.query('SELECT id FROM app_user WHERE email = $1', [`${a}@demo.test`])).rows[0];
const {
  rows: [area],
} = await db.query(`INSERT INTO area (country_code, chapter_number, code, title, position) VALUES ('RS', 24, 'BEN', 'ab', 1000) RETURNING id`);
await db.query(
  `INSERT INTO benchmark (code, area_id, position, text) SELECT 'RS-24-BEN-' || lpad(i::text, 4, '0'), $1, i, 'b' || i FROM generate_series(1, $2::int) AS i`,
  [area.id, CLIENTS * ROWS],
);
await db.query(
  `INSERT INTO evidence (benchmark_id, title, narrative, visibility, author_id) SELECT id, 't', 'n', 'shared', $2 FROM benchmark WHERE area_id = $1`,
  [area.id, users.coordinator.id],
);
await db.query('VACUUM ANALYZE');
const { rows } = await db.query('SELECT id, state, version FROM benchmark WHERE area_id = $1 ORDER BY position', [area.id]);
const clients = [];
for (let c = 0; c < CLIENTS; c++) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const cl = { agent, rows: rows.slice(c * ROWS, (c + 1) * ROWS), next: 0 };
  cl.coordinator = await signIn(agent, A.port, 'coordinator@demo.test');
  cl.commission = await signIn(agent, A.port, 'commission@demo.test');
  clients.push(cl);
}
let target = A,
  phase = 'run',
  count = 0,
  errors = 0;
const COMMENT = 'Please add the 2025 conviction figures.';
const loops = clients.map(async (cl) => {
  while (phase !== 'done') {
    const row = cl.rows[cl.next++ % cl.rows.length];
    const submit = row.state === 'draft';
    const body = submit ? { event: 'SUBMIT', version: row.version } : { event: 'REQUEST_CHANGES', version: row.version, comment: COMMENT };
    const api = target; // keep-alive agent: connect per API via different port
    const res = await request(cl.agent, api.port, 'POST', `/api/benchmarks/${row.id}/transitions`, body, submit ? cl.coordinator : cl.commission).catch(
      (e) => ({ status: 0, text: e.message }),
    );
    if (res.status === 200) {
      const r = JSON.parse(res.text);
      row.state = r.state;
      row.version = r.version;
      if (api === target) count++;
    } else {
      errors++;
      const f = (await db.query('SELECT state, version FROM benchmark WHERE id = $1', [row.id])).rows[0];
      Object.assign(row, f);
    }
  }
});
const acc = { A: { n: 0, api: 0, other: 0, pg: 0, s: 0 }, B: { n: 0, api: 0, other: 0, pg: 0, s: 0 } };
await sleep(3000); // warm-up on A
for (let i = 0; i < 2; i++) {
  target = i ? A : B;
  await sleep(1500);
}
const slices = Math.round(SECONDS / SLICE) * 2;
for (let i = 0; i < slices; i++) {
  target = i % 4 === 0 || i % 4 === 3 ? A : B;
  const other = target === A ? B : A;
  await sleep(300); // switch over
  const t0 = { me: processTicks(target.child.pid).own, ot: processTicks(other.child.pid).own, pg: pgTicks(), c: count, at: performance.now() };
  await sleep(SLICE * 1000);
  const a = acc[target.name];
  a.n += count - t0.c;
  a.api += processTicks(target.child.pid).own - t0.me;
  a.other += processTicks(other.child.pid).own - t0.ot;
  a.pg += pgTicks() - t0.pg;
  a.s += (performance.now() - t0.at) / 1000;
}
phase = 'done';
await Promise.all(loops);
console.log(
  `load average (1, 5, 15 min) at the end: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; errors ${errors}`,
);
for (const k of ['A', 'B']) {
  const a = acc[k];
  const ms = (t) => ((t * 1000) / CLK_TCK / a.n).toFixed(3);
  console.log(
    `${k}: ${(a.n / a.s).toFixed(1)} tr/s (${a.n})  API CPU ${ms(a.api)} ms/tr  idle other API ${ms(a.other)}  PG ${ms(a.pg)} ms/tr  ${k === 'A' ? mainA : mainB}`,
  );
}
await db.end();
for (const c of clients) c.agent.destroy();
await cleanup();
