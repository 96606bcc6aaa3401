// `npm run bench`: workflow transitions per second through the API against the same transaction
// in raw SQL, on the same database, in one run; prints both, their ratio and the CPU each spends per
// transition, against the goals (issue 20): API/raw ≥ 0.80 on a quiet machine and ≥ 0.60 on a busy
// one (load average over 1.5 before the run), and the API path's CPU per transition (API process +
// PostgreSQL) at most 1.4 × the raw path's (its client — this script's raw clients, which send the
// same statements and compute the same audit hashes as the API — + PostgreSQL); the ratio against
// the raw path's PostgreSQL alone is printed beside it.
//
// It builds nothing unless dist/apps/api/main.js is missing; starts an embedded PostgreSQL in a
// temporary directory (or creates a database on BENCH_DATABASE_URL's server); starts the built API
// against a fresh database (demo mode: demo accounts, catalogue); inserts synthetic benchmarks of
// Serbia's Chapter 24 (RS-24-BEN-0001…), each with one shared evidence item, so that every client
// owns its own rows and no two clients ever race for one row version. Then, taking turns:
//   raw  BENCH_CLIENTS `pg` connections, each running the API's transaction by hand for its rows
//        (the same statements in the same two batches, prepared the same way);
//   api  BENCH_CLIENTS keep-alive HTTP clients, each signed in as the coordinator (SUBMIT) and the
//        Commission (REQUEST_CHANGES), cycling its rows draft → submitted → draft.
// Each workload warms up, then counts the transitions completed in fixed windows. Any answer but 200
// is an error; more than 1% errors makes the run fail (exit 1). The goals are reported, not enforced.
// Ctrl-C stops the API, then the database, and removes the temporary directory.
//
//   BENCH_SECONDS=15  BENCH_WARMUP_SECONDS=3  BENCH_CLIENTS=16  BENCH_ROWS_PER_CLIENT=8
//   BENCH_ROUNDS=3     the measured seconds of each workload are split into this many alternating
//                      slices (raw, api, api, raw, …), so that both meet the same background load
//   BENCH_DATABASE_URL=postgres://user:pw@host:5432/postgres   a server where it may CREATE DATABASE
//   BENCH_API_NODE_ARGS="--cpu-prof"                            extra node flags for the API process
//   BENCH_API_MAIN=path/to/main.js   measure another build of the API (default dist/apps/api/main.js)
//   BENCH_NOTIFICATIONS_WORKER=true   keep the notification worker in the API process (off by default: it
//                      tells people of the raw workload's audit events too, which would count against the API)
//   BENCH_PROFILE=1    also: where each phase's connections spend a transition (pg_stat_activity sampled
//                      every 20 ms), and two cheaper API requests (health; a refused transition)
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  CLK_TCK,
  dropExternalDatabase,
  ensureBuilt,
  ignore,
  MAIN_JS,
  pgClient,
  postgresTicks,
  processTicks,
  request,
  root,
  setting,
  signIn,
  startApi,
  startDatabase,
  stopChild,
} from './harness.mjs';

const GOAL = { quiet: 0.8, busy: 0.6, cpu: 1.4 };
/** A machine whose load average (1 min) is above this before the run is busy: the other goal applies. */
const BUSY_LOAD = 1.5;
const MAX_ERROR_RATE = 0.01;
const CHAIN_LOCK = 7_240_001; // libs/api/audit/src/lib/audit.service.ts
const COMMENT = 'Please add the 2025 conviction figures.';
const log = (message) => console.log(`[bench] ${message}`);

const SECONDS = setting('BENCH_SECONDS', 15, { integer: false });
const WARMUP_SECONDS = setting('BENCH_WARMUP_SECONDS', 3, { min: 0, integer: false });
const CLIENTS = setting('BENCH_CLIENTS', 16);
const ROWS_PER_CLIENT = setting('BENCH_ROWS_PER_CLIENT', 8);
const ROUNDS = setting('BENCH_ROUNDS', 3);
const PROFILE = process.env.BENCH_PROFILE === '1' || process.env.BENCH_PROFILE === 'true';

// ─── cleanup: API first, then the database, then the temporary directory; once, also on Ctrl-C ───

const state = { api: null, apiLog: null, database: null, dataDir: null, tmp: null, external: null, pgClients: [], agents: [], aborted: false };
// BENCH_SHOW_API_LOG=1: print the tail of the API log at the end (to see what it writes under load).
let cleaning = null;

function cleanup() {
  if (process.env.BENCH_SHOW_API_LOG === '1' && state.apiLog && existsSync(state.apiLog)) console.error(readFileSync(state.apiLog, 'utf8').slice(-4000));
  cleaning ??= (async () => {
    state.aborted = true;
    for (const agent of state.agents) agent.destroy();
    await Promise.allSettled(state.pgClients.map((c) => c.end()));
    await stopChild(state.api, 'SIGTERM', 15_000);
    await dropExternalDatabase(state, log);
    await stopChild(state.database, 'SIGTERM', 30_000);
    if (state.tmp) rmSync(state.tmp, { recursive: true, force: true, maxRetries: 5 });
  })().catch((error) => console.error(`[bench] cleanup: ${error.message}`));
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (state.aborted) return;
    console.error(`\n[bench] ${signal}: stopping the API and the database…`);
    cleanup().finally(() => process.exit(130));
  });
}
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => {
    if (state.aborted) return;
    console.error(`[bench] ${event}: ${error instanceof Error ? error.stack : error}`);
    cleanup().finally(() => process.exit(1));
  });
}
// Last resort if this process dies some other way: never leave the API behind.
process.on('exit', () => {
  if (state.api && state.api.exitCode === null) state.api.kill('SIGKILL');
});

// ─── the data ───

async function prepare(db) {
  const total = CLIENTS * ROWS_PER_CLIENT;
  const users = {};
  for (const account of ['coordinator', 'commission']) {
    const { rows } = await db.query(`SELECT id, email FROM app_user WHERE email = $1`, [`${account}@demo.test`]);
    if (!rows[0]) throw new Error(`no demo account ${account}@demo.test: is the API in demo mode?`);
    users[account] = rows[0];
  }
  const {
    rows: [area],
  } = await db.query(
    `INSERT INTO area (country_code, chapter_number, code, title, position)
     VALUES ('RS', 24, 'BEN', 'Synthetic benchmarks (npm run bench)', 1000) RETURNING id`,
  );
  await db.query(
    `INSERT INTO benchmark (code, area_id, position, text)
     SELECT 'RS-24-BEN-' || lpad(i::text, 4, '0'), $1, i, 'Synthetic benchmark ' || i || ' for npm run bench.'
       FROM generate_series(1, $2::int) AS i`,
    [area.id, total],
  );
  await db.query(
    `INSERT INTO evidence (benchmark_id, title, narrative, visibility, author_id)
     SELECT id, 'Track record 2025', 'Synthetic evidence for npm run bench.', 'shared', $2 FROM benchmark WHERE area_id = $1`,
    [area.id, users.coordinator.id],
  );
  await db.query('VACUUM ANALYZE');
  log(`prepared ${total} synthetic benchmarks (${CLIENTS} clients × ${ROWS_PER_CLIENT}), each with one shared evidence item`);
  return { areaId: area.id, users };
}

/** Each client's rows with their current state and version, read afresh before each slice. */
async function assignRows(db, areaId) {
  const { rows } = await db.query(`SELECT id, state, version FROM benchmark WHERE area_id = $1 ORDER BY position`, [areaId]);
  return Array.from({ length: CLIENTS }, (_, c) => rows.slice(c * ROWS_PER_CLIENT, (c + 1) * ROWS_PER_CLIENT));
}

async function settle(db) {
  await db.query('VACUUM ANALYZE benchmark');
  await db.query('VACUUM ANALYZE audit_event');
  await db.query('CHECKPOINT').catch(ignore); // needs superuser or pg_checkpoint; best effort
}

// ─── the measurement ───

/** Runs `step(client)` in a loop on every client: a warm-up, then one measured window. */
async function slice(clients, step, { seconds, warmup, expected = 200, sampler = null }) {
  const latencies = [];
  const errors = new Map();
  let errorCount = 0;
  let attempts = 0;
  let phase = 'warmup';
  const window = { start: 0, end: Infinity };
  const loops = clients.map(async (client) => {
    while (phase !== 'done' && !state.aborted) {
      const t0 = performance.now();
      let outcome;
      try {
        outcome = await step(client);
      } catch (error) {
        outcome = error.message;
      }
      const t1 = performance.now();
      if (phase === 'done' && t1 > window.end) break;
      attempts++;
      if (outcome === expected) {
        if (phase === 'measure') latencies.push(t1 - t0);
      } else {
        errorCount++;
        const key = String(outcome).slice(0, 200);
        errors.set(key, (errors.get(key) ?? 0) + 1);
        await sleep(1);
      }
    }
  });
  await sleep(warmup * 1000);
  const before = cpuSample();
  window.start = performance.now();
  phase = 'measure';
  const sampling = sampler?.start();
  await sleep(seconds * 1000);
  window.end = performance.now();
  phase = 'done';
  const after = cpuSample();
  const waits = sampling ? await sampler.stop() : null;
  await Promise.all(loops);
  return { latencies, elapsed: (window.end - window.start) / 1000, attempts, errorCount, errors, cpu: cpuDelta(before, after), waits };
}

/** A workload's slices as one result: throughput over all measured windows, percentiles over all requests. */
function combine(name, slices) {
  const total = (pick) => slices.reduce((sum, s) => sum + pick(s), 0);
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const count = latencies.length;
  const pct = (p) => (count ? latencies[Math.min(count - 1, Math.ceil(p * count) - 1)] : NaN);
  const errors = new Map();
  for (const s of slices) for (const [message, n] of s.errors) errors.set(message, (errors.get(message) ?? 0) + n);
  let cpu = null;
  if (count > 0 && slices.every((s) => s.cpu)) {
    const per = (pick) => (slices.every((s) => pick(s.cpu) != null) ? total((s) => pick(s.cpu)) / count : null);
    cpu = {
      api: per((c) => c.api),
      postgres: per((c) => c.postgres),
      bench: per((c) => c.bench),
      machineBusy: total((s) => s.cpu.busy) / total((s) => s.cpu.total),
    };
  }
  let waits = null;
  if (slices.every((s) => s.waits)) {
    const samples = total((s) => s.waits.samples);
    const held = total((s) => s.waits.held);
    waits = {
      samples,
      average: WAIT_CATEGORIES.map((_, i) => total((s) => s.waits.counts[i]) / samples),
      chainHeld: held / samples,
      holder: WAIT_CATEGORIES.map((_, i) => total((s) => s.waits.holder[i]) / Math.max(held, 1)),
    };
  }
  return {
    name,
    count,
    tps: count / total((s) => s.elapsed),
    p50: pct(0.5),
    p99: pct(0.99),
    attempts: total((s) => s.attempts),
    errorCount: total((s) => s.errorCount),
    errors,
    cpu,
    waits,
    rounds: slices.map((s) => s.latencies.length / s.elapsed),
  };
}

/** The API workload: POST /api/benchmarks/:id/transitions, SUBMIT and REQUEST_CHANGES in turn. */
function apiStep(port) {
  return async (client) => {
    const row = client.rows[client.next++ % client.rows.length];
    const submit = row.state === 'draft';
    const body = submit ? { event: 'SUBMIT', version: row.version } : { event: 'REQUEST_CHANGES', version: row.version, comment: COMMENT };
    const res = await request(client.agent, port, 'POST', `/api/benchmarks/${row.id}/transitions`, body, submit ? client.coordinator : client.commission);
    if (res.status === 200) {
      const result = JSON.parse(res.text);
      row.state = result.state;
      row.version = result.version;
      return 200;
    }
    await client.resync(row);
    return `${res.status} ${res.text.slice(0, 160)}`;
  };
}

// The statements of BenchmarkWorkflowService.transition, word for word, as one would send them by
// hand: BEGIN, the row lock, then the guards' facts (a statement of their own, so they are read after
// the lock is held) in one batch; the update, the audit append (audit_append), COMMIT in another.
// Each batch is one write ending in one Sync, its statements prepared once per connection under the
// API's names, as libs/api/core/src/lib/pipelined-transaction.ts sends them.
const UNANSWERED_PROPOSAL = `p.benchmark_id = b.id AND p.kind = 'proposal' AND p.parent_id IS NULL AND p.hidden_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM proposal_response r WHERE r.proposal_id = p.id)`;
const EXCERPT = `CASE WHEN length(p.text) > 80 THEN left(p.text, 79) || '…' ELSE p.text END`;
const SQL = {
  lockRow: { name: 'bt_workflow_lock_id', text: `SELECT b.id FROM benchmark b WHERE b.id = $1 FOR UPDATE OF b` },
  facts: {
    name: 'bt_workflow_facts_id',
    text: `SELECT b.id, b.code, a.country_code, b.state, b.version, b.snapshot, b.mission_required,
            (SELECT count(*)::int FROM evidence e WHERE e.benchmark_id = b.id AND e.visibility IN ('shared', 'public')) AS shared_evidence,
            (SELECT json_build_object('count', count(*)::int, 'excerpts', coalesce((array_agg(${EXCERPT} ORDER BY p.created_at))[1:5], '{}'))
               FROM proposal p WHERE ${UNANSWERED_PROPOSAL}) AS unanswered_proposals,
            (SELECT json_build_object('startDate', m.start_date, 'endDate', m.end_date, 'hasReport', m.report_file_id IS NOT NULL,
                    'experts', (SELECT coalesce(json_agg(x.user_id), '[]') FROM mission_expert x WHERE x.mission_id = m.id))
               FROM mission m JOIN mission_benchmark mb ON mb.mission_id = m.id WHERE mb.benchmark_id = b.id ORDER BY m.created_at DESC LIMIT 1) AS mission
            
       FROM benchmark b JOIN area a ON a.id = b.area_id
      WHERE b.id = $1`,
  },
  update: {
    name: 'bt_workflow_update',
    text: `UPDATE benchmark SET state = $2, snapshot = $3, machine_version = $4, version = version + 1, updated_at = now() WHERE id = $1`,
  },
  audit: { name: 'bt_audit_append', text: 'SELECT id, hash FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9)' },
};

/** The raw workload: the same transaction over one `pg` connection per client. */
function rawStep(users) {
  return async (client) => {
    const row = client.rows[client.next++ % client.rows.length];
    const submit = row.state === 'draft';
    const actor = submit ? users.coordinator : users.commission;
    const db = client.db;
    let open = false;
    try {
      open = true;
      const [, , [b]] = await batch(db, [{ text: 'BEGIN' }, { ...SQL.lockRow, values: [row.id] }, { ...SQL.facts, values: [row.id] }]);
      if (!b) throw new Error(`404 ${row.id}`);
      if (b.version !== row.version) throw new Error(`409 version ${b.version}, not ${row.version}`);
      const from = b.snapshot?.value ?? b.state;
      if (submit ? from !== 'draft' || b.shared_evidence === 0 || b.unanswered_proposals.count > 0 : from !== 'submitted') throw new Error(`409/422 ${from}`);
      const to = submit ? 'submitted' : 'draft';
      const version = b.version + 1;
      const data = { event: submit ? 'SUBMIT' : 'REQUEST_CHANGES', from, to, version };
      if (!submit) data.comment = COMMENT.trim();
      const fields = {
        occurredAt: new Date(),
        actorId: actor.id,
        actorLabel: actor.email,
        actorIp: '127.0.0.1',
        action: `benchmark.${data.event}`,
        entityType: 'benchmark',
        entityId: row.id,
        data,
      };
      const snapshot = JSON.stringify({ status: 'active', value: to, historyValue: {}, context: {}, children: {} });
      await batch(db, [
        { ...SQL.update, values: [row.id, to, snapshot, 1] },
        {
          ...SQL.audit,
          values: [
            fields.occurredAt,
            fields.actorId,
            fields.actorLabel,
            fields.actorIp,
            fields.action,
            fields.entityType,
            fields.entityId,
            JSON.stringify(data),
            chainContent(fields),
          ],
        },
        { text: 'COMMIT' },
      ]);
      open = false;
      row.state = to;
      row.version = version;
      return 200;
    } catch (error) {
      if (open) await db.query('ROLLBACK').catch(ignore);
      await client.resync(row);
      throw error;
    }
  };
}

/**
 * Statements in one write with one Sync, as a `pg` Submittable (as pg-cursor is): Parse (once per
 * connection for a named statement), Bind, Describe (until a named statement's columns are known;
 * never for BEGIN and COMMIT), Execute each; resolves with each one's rows, rejects with the first
 * error (PostgreSQL skips the rest until the Sync). What pipelined-transaction.ts does, in short.
 */
function batch(db, statements) {
  db.benchStatements ??= { shapes: new Map(), unsure: new Set() }; // name → its columns (null: no rows)
  const { shapes, unsure } = db.benchStatements;
  return new Promise((resolve, reject) => {
    const rows = statements.map(() => []);
    const shape = statements.map((s) => shapes.get(s.name));
    let current = 0;
    let failed = false;
    db.query({
      submit(connection) {
        connection.stream.cork();
        for (const [i, s] of statements.entries()) {
          if (unsure.delete(s.name)) connection.close({ type: 'S', name: s.name }); // no error if it does not exist
          if (!s.name || !shapes.has(s.name)) connection.parse({ name: s.name, text: s.text });
          connection.bind({ statement: s.name ?? '', values: (s.values ?? []).map((v) => pg.utils.prepareValue(v)) });
          if (shape[i] === undefined && s.text !== 'BEGIN' && s.text !== 'COMMIT') connection.describe({ type: 'P' });
          connection.execute({});
        }
        connection.sync();
        connection.stream.uncork();
        return null;
      },
      handleRowDescription: (msg) =>
        (shape[current] = { names: msg.fields.map((f) => f.name), parsers: msg.fields.map((f) => db._types.getTypeParser(f.dataTypeID, 'text')) }),
      handleDataRow: (msg) => {
        const { names, parsers } = shape[current];
        const row = {};
        for (let i = 0; i < names.length; i++) row[names[i]] = msg.fields[i] === null ? null : parsers[i](msg.fields[i]);
        rows[current].push(row);
      },
      handleCommandComplete: () => {
        const s = statements[current];
        if (s.name) shapes.set(s.name, shape[current] ?? null);
        current++;
      },
      handleEmptyQuery: () => current++,
      handleError(error) {
        failed = true;
        // The statement that failed may or may not exist now: closed and parsed again next time.
        const s = statements[current];
        if (s?.name) {
          shapes.delete(s.name);
          unsure.add(s.name);
        }
        reject(error);
      },
      handleReadyForQuery: () => failed || resolve(rows),
      // Never sent: every Execute asks for all rows, and there is no COPY.
      handlePortalSuspended: ignore,
      handleCopyInResponse: ignore,
      handleCopyData: ignore,
    });
  });
}

// libs/api/audit/src/lib/audit-chain.ts, the same computation in plain JavaScript.
function chainContent(event) {
  return canonicalJson({
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    actorIp: event.actorIp,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    data: event.data,
  });
}
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

// ─── where the time goes, as PostgreSQL sees it (BENCH_PROFILE=1) ───

const WAIT_CATEGORIES = [
  'in the client (idle in transaction)',
  'waiting for the audit chain lock',
  'waiting for a row lock',
  'executing in PostgreSQL',
  'I/O or WAL wait in PostgreSQL',
  'session lookup (outside the transaction)',
];

function categorise(a) {
  if (a.state === 'idle in transaction') return 0;
  if (a.state !== 'active') return -1;
  if (a.wait_event_type === 'Lock') return a.wait_event === 'advisory' ? 1 : 2;
  if (a.query.includes('user_session')) return 5;
  if (a.wait_event_type === 'IO' || a.wait_event_type === 'LWLock' || /^Wal/.test(a.wait_event ?? '')) return 4;
  return 3;
}

/**
 * Samples pg_stat_activity for one application's connections every 20 ms: by Little's law, the
 * average number of connections in a state, divided by the throughput, is the time each
 * transition spends in it. Also what the holder of the audit chain lock is doing meanwhile.
 */
function waitSampler(databaseUrl, application) {
  let running = false;
  let done;
  const counts = new Array(WAIT_CATEGORIES.length).fill(0);
  const holder = new Array(WAIT_CATEGORIES.length).fill(0);
  let samples = 0;
  let held = 0;
  return {
    start() {
      running = true;
      done = (async () => {
        const db = pgClient(databaseUrl, 'bench-sampler');
        await db.connect();
        try {
          while (running) {
            const { rows } = await db.query(
              `SELECT a.state, a.wait_event_type, a.wait_event, left(a.query, 1000) AS query,
                      EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted AND l.objid = $2) AS holds_chain
                 FROM pg_stat_activity a WHERE a.datname = current_database() AND a.application_name = $1`,
              [application, CHAIN_LOCK],
            );
            samples++;
            for (const a of rows) {
              const c = categorise(a);
              if (c >= 0) counts[c]++;
              if (a.holds_chain) {
                held++;
                if (c >= 0) holder[c]++;
              }
            }
            await sleep(20);
          }
        } finally {
          await db.end();
        }
      })();
      return done;
    },
    async stop() {
      running = false;
      await done;
      return { counts, holder, held, samples };
    },
  };
}

// ─── CPU accounting (Linux /proc; skipped elsewhere) ───

const hasProc = existsSync('/proc/stat');

function cpuSample() {
  if (!hasProc) return null;
  const [, ...cpu] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return {
    self: process.cpuUsage(),
    api: state.api ? processTicks(state.api.pid)?.own : null,
    postgres: postgresTicks(state.dataDir),
    machineBusy: total - cpu[3] - cpu[4],
    machineTotal: total,
  };
}

/** CPU milliseconds spent between two samples by the API, PostgreSQL and this script; machine ticks busy and total. */
function cpuDelta(a, b) {
  if (!a || !b) return null;
  const ms = (ticks) => (ticks * 1000) / CLK_TCK;
  return {
    api: a.api != null && b.api != null ? ms(b.api - a.api) : null,
    postgres: a.postgres != null && b.postgres != null ? ms(b.postgres - a.postgres) : null,
    bench: (b.self.user + b.self.system - a.self.user - a.self.system) / 1000,
    busy: b.machineBusy - a.machineBusy,
    total: b.machineTotal - a.machineTotal,
  };
}

// ─── the report ───

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const fms = (x) => (x == null ? '–' : x.toFixed(2));

function printReport(facts, raw, api, probes) {
  const ratio = api.tps / raw.tps;
  const rows = [
    ['', 'transitions/s', 'p50 ms', 'p99 ms', 'errors'],
    ['API  (HTTP → Nest → pg, two batches)', f1(api.tps), f2(api.p50), f2(api.p99), `${api.errorCount}/${api.attempts}`],
    ['raw  (pg, same statements and batches)', f1(raw.tps), f2(raw.p50), f2(raw.p99), `${raw.errorCount}/${raw.attempts}`],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ');
  console.log('');
  console.log(
    `Workflow transitions (SUBMIT / REQUEST_CHANGES), ${CLIENTS} concurrent clients, ${SECONDS} s measured per workload in ${ROUNDS} alternating round(s), after ${WARMUP_SECONDS} s warm-up`,
  );
  console.log(facts.machine);
  console.log(`load average (1, 5, 15 min) before the run: ${facts.load.map(f2).join(', ')}; after: ${os.loadavg().map(f2).join(', ')}`);
  console.log('');
  for (const r of rows) console.log(line(r));
  console.log('');
  const met = (ok) => (ok ? 'met' : 'not met');
  const busy = facts.load[0] > BUSY_LOAD;
  const goal = busy ? GOAL.busy : GOAL.quiet;
  console.log(
    `ratio API/raw (transitions/s): ${ratio.toFixed(3)}    goal on a ${busy ? 'busy' : 'quiet'} machine ≥ ${goal.toFixed(2)}: ${met(ratio >= goal)}   (≥ ${GOAL.quiet.toFixed(2)} quiet, ≥ ${GOAL.busy.toFixed(2)} busy: load average over ${BUSY_LOAD} before the run)`,
  );
  if (ROUNDS > 1)
    console.log(`  per round: ${api.rounds.map((a, i) => (a / raw.rounds[i]).toFixed(2)).join('  ')}   (a wide spread means a busy machine: repeat the run)`);
  if (api.cpu || raw.cpu) {
    console.log('');
    console.log('CPU ms per transition        API process   PostgreSQL   this script   machine busy');
    for (const r of [api, raw]) {
      if (!r.cpu) continue;
      console.log(
        `${(r === api ? 'API phase' : 'raw phase').padEnd(28)}${fms(r.cpu.api).padStart(12)}${fms(r.cpu.postgres).padStart(13)}${fms(r.cpu.bench).padStart(14)}${`${Math.round(r.cpu.machineBusy * 100)}%`.padStart(15)}`,
      );
    }
    if (api.cpu?.api != null && api.cpu.postgres != null && raw.cpu?.postgres) {
      const apiPath = api.cpu.api + api.cpu.postgres;
      // The raw path's client is this script in the raw phase: its raw clients run then, and nothing else but BENCH_PROFILE's sampling.
      const cpuRatio = apiPath / (raw.cpu.bench + raw.cpu.postgres);
      console.log(
        `CPU ratio, API path (API process + PostgreSQL, API phase) ÷ raw path (its client, this script + PostgreSQL, raw phase): (${fms(api.cpu.api)} + ${fms(api.cpu.postgres)}) ÷ (${fms(raw.cpu.bench)} + ${fms(raw.cpu.postgres)}) = ${cpuRatio.toFixed(2)}    goal ≤ ${GOAL.cpu.toFixed(2)}: ${met(cpuRatio <= GOAL.cpu)}`,
      );
      console.log(
        `  against the raw path's PostgreSQL alone: (${fms(api.cpu.api)} + ${fms(api.cpu.postgres)}) ÷ ${fms(raw.cpu.postgres)} = ${(apiPath / raw.cpu.postgres).toFixed(2)}`,
      );
    }
  }
  if (api.waits && raw.waits) {
    console.log('');
    console.log('ms per transition, from pg_stat_activity samples (average connections in a state ÷ transitions/s):');
    console.log(`${''.padEnd(44)}${'API'.padStart(9)}${'raw'.padStart(9)}`);
    const perTx = (r, i) => (r.waits.average[i] / r.tps) * 1000;
    WAIT_CATEGORIES.forEach((category, i) => console.log(`  ${category.padEnd(42)}${f2(perTx(api, i)).padStart(9)}${f2(perTx(raw, i)).padStart(9)}`));
    const rest = (r) => (CLIENTS / r.tps) * 1000 - WAIT_CATEGORIES.reduce((sum, _, i) => sum + perTx(r, i), 0);
    console.log(`  ${'elsewhere (HTTP, Node outside a transaction)'.padEnd(42)}${f2(rest(api)).padStart(9)}${f2(rest(raw)).padStart(9)}`);
    console.log(`  ${'= clients ÷ transitions/s'.padEnd(42)}${f2((CLIENTS / api.tps) * 1000).padStart(9)}${f2((CLIENTS / raw.tps) * 1000).padStart(9)}`);
    for (const r of [api, raw]) {
      const doing = WAIT_CATEGORIES.map((c, i) => [c, r.waits.holder[i]])
        .filter(([, share]) => share >= 0.01)
        .map(([c, share]) => `${Math.round(share * 100)}% ${c}`);
      console.log(
        `  ${r === api ? 'API' : 'raw'}: the audit chain lock is held ${Math.round(r.waits.chainHeld * 100)}% of the time (${r.waits.samples} samples); its holder is then ${doing.join(', ')}`,
      );
    }
  }
  if (probes.length) {
    console.log('');
    console.log(`Probes (same ${CLIENTS} clients, for profiling):`);
    for (const p of probes) {
      const cpu = p.cpu ? `   CPU per request: API ${fms(p.cpu.api)} ms, PostgreSQL ${fms(p.cpu.postgres)} ms` : '';
      console.log(`  ${p.name.padEnd(62)} ${f1(p.tps).padStart(8)}/s   p50 ${f2(p.p50)} ms   p99 ${f2(p.p99)} ms   errors ${p.errorCount}${cpu}`);
    }
  }
  for (const r of [api, raw, ...probes]) {
    for (const [message, n] of r.errors) console.log(`  ${r.name} error ×${n}: ${message}`);
  }
  console.log('');
}

// ─── main ───

async function main() {
  const loadBefore = os.loadavg();
  ensureBuilt(log);
  state.tmp = mkdtempSync(join(os.tmpdir(), 'bt-bench-'));
  chmodSync(state.tmp, 0o755); // the embedded PostgreSQL may run as another user (root → postgres)
  const databaseUrl = await startDatabase(state, `bt_bench_${process.pid}`, log);
  // Both workloads write audit events, and the notification worker tells people of every one of them,
  // the raw workload's too: run in the API process, its work would count against the API in one phase
  // and against nothing in the other. So it runs in neither (as in an instance with
  // NOTIFICATIONS_WORKER=false behind which another dispatches); BENCH_NOTIFICATIONS_WORKER=true keeps it.
  process.env.NOTIFICATIONS_WORKER = process.env.BENCH_NOTIFICATIONS_WORKER === 'true' ? 'true' : 'false';
  log(`notification worker in the API process: ${process.env.NOTIFICATIONS_WORKER === 'true' ? 'on' : 'off (BENCH_NOTIFICATIONS_WORKER=true to keep it)'}`);
  const port = await startApi(state, databaseUrl, log, (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean));

  const db = pgClient(databaseUrl, 'bench-admin');
  state.pgClients.push(db);
  await db.connect();
  const { areaId, users } = await prepare(db);
  const {
    rows: [{ server_version: pgVersion }],
  } = await db.query('SHOW server_version');
  const resync = async (row) => {
    const {
      rows: [fresh],
    } = await db.query('SELECT state, version FROM benchmark WHERE id = $1', [row.id]);
    Object.assign(row, fresh);
  };

  log(`signing in ${CLIENTS} clients as coordinator@demo.test and commission@demo.test…`);
  const httpClients = [];
  for (let c = 0; c < CLIENTS; c++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    state.agents.push(agent);
    httpClients.push({ agent, next: 0, resync });
  }
  for (let i = 0; i < CLIENTS; i += 4) {
    await Promise.all(
      httpClients.slice(i, i + 4).map(async (client) => {
        client.coordinator = await signIn(client.agent, port, 'coordinator@demo.test');
        client.commission = await signIn(client.agent, port, 'commission@demo.test');
      }),
    );
  }
  const rawClients = [];
  for (let c = 0; c < CLIENTS; c++) {
    const conn = pgClient(databaseUrl, 'bench-raw');
    state.pgClients.push(conn);
    await conn.connect();
    const tokenHash = (auth) =>
      createHash('sha256')
        .update(auth.cookie.match(/bt_session=([^;]+)/)[1])
        .digest('hex');
    rawClients.push({
      db: conn,
      next: 0,
      resync,
      coordinatorTokenHash: tokenHash(httpClients[c].coordinator),
      commissionTokenHash: tokenHash(httpClients[c].commission),
    });
  }

  // What else keeps this machine busy (other processes skew every figure below).
  const idle0 = cpuSample();
  await sleep(1000);
  const idle1 = cpuSample();
  const background = idle0 && idle1 ? (idle1.machineBusy - idle0.machineBusy) / (idle1.machineTotal - idle0.machineTotal) : null;

  // The two workloads take turns (raw, api, api, raw, …) so that both meet the same background load.
  await settle(db);
  const sliceSeconds = SECONDS / ROUNDS;
  const workloads = {
    raw: { clients: rawClients, step: rawStep(users), application: 'bench-raw', slices: [] },
    api: { clients: httpClients, step: apiStep(port), application: 'benchmark-tracker', slices: [] },
  };
  log(
    `measuring ${SECONDS} s of each workload with ${CLIENTS} clients: ${ROUNDS} round(s) of ${f1(sliceSeconds)} s, after ${WARMUP_SECONDS} s warm-up${ROUNDS > 1 ? ' (1 s before each later slice)' : ''}…`,
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 === 0 ? ['raw', 'api'] : ['api', 'raw']) {
      const w = workloads[name];
      (await assignRows(db, areaId)).forEach((rows, c) => (w.clients[c].rows = rows));
      const warmup = w.slices.length === 0 ? WARMUP_SECONDS : Math.min(1, WARMUP_SECONDS);
      const result = await slice(w.clients, w.step, { seconds: sliceSeconds, warmup, sampler: PROFILE ? waitSampler(databaseUrl, w.application) : null });
      w.slices.push(result);
      log(
        `  round ${round + 1} ${name}: ${f1(result.latencies.length / result.elapsed)} transitions/s${result.errorCount ? `, ${result.errorCount} errors` : ''}`,
      );
    }
  }
  const raw = combine('raw', workloads.raw.slices);
  const api = combine('api', workloads.api.slices);

  const probes = [];
  if (PROFILE) {
    const probe = async (name, method, path, body, auth, expected) => {
      const step = async (client) => (await request(client.agent, port, method, path, body, auth ? client.coordinator : {})).status;
      return combine(name, [await slice(httpClients, step, { seconds: Math.min(sliceSeconds, 5), warmup: 1, expected })]);
    };
    log('probes…');
    probes.push(await probe('GET /api/health, no cookie (Fastify+Nest, SELECT 1)', 'GET', '/api/health', undefined, false, 200));
    const [{ id }] = httpClients[0].rows;
    probes.push(
      await probe(
        'POST transitions, invalid event → 400 (session lookup, pipes)',
        'POST',
        `/api/benchmarks/${id}/transitions`,
        { event: 'NONE', version: 1 },
        true,
        400,
      ),
    );
  }

  const cpu = os.cpus();
  const machine = `machine: ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}; node ${process.version}; PostgreSQL ${pgVersion} (${state.external ? 'BENCH_DATABASE_URL' : 'embedded'}); API: ${relative(root, MAIN_JS)}${background === null ? '' : `; CPU busy before the run: ${Math.round(background * 100)}%`}`;
  printReport({ machine, load: loadBefore }, raw, api, probes);

  const failed = [raw, api].filter((r) => r.attempts === 0 || r.errorCount / r.attempts > MAX_ERROR_RATE);
  if (failed.length) {
    console.error(
      `[bench] the run failed: more than ${MAX_ERROR_RATE * 100}% errors in ${failed.map((r) => r.name).join(' and ')} (see above; the API's log follows)`,
    );
    if (state.apiLog && existsSync(state.apiLog)) console.error(readFileSync(state.apiLog, 'utf8').slice(-3000));
    return 1;
  }
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!state.aborted) console.error(`[bench] ${error instanceof Error ? error.message : error}`);
} finally {
  if (!state.aborted) {
    await cleanup();
    process.exit(exitCode);
  }
}
