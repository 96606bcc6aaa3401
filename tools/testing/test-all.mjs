// `npm test`: every check of the repository, as few processes as possible, two at a time (this
// machine has two cores), and a table of how long each phase took.
//
//   build      the API and the web app, as `npm start` serves them (Nx caches them), and each
//              language's first download against the web app's budget (tools/i18n/locale-budget.mjs)
//   unit       one Jest run (two workers) for every unit and integration test (jest.config.ts: a project per runtime),
//              the files in groups that share a module registry (tools/testing/test-groups.ts)
//   browser    the browser tests against the built product (three files at a time), one Chromium for the run
//   lint       one ESLint over the whole tree (not one per Nx project), then Prettier's check
//   typecheck  one tsc per runtime: Jest only transpiles, so types are checked here
//   start      `npm start` and the production commands on an empty machine
//
// In that order: the build and the unit tests start together, the browser tests (the longest phase)
// as soon as the build is done, and lint, the npm start tests and typecheck take whichever lane is free.
// A phase that fails does not stop the others: the run reports every failure, then exits 1.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => join(root, 'node_modules/.bin', name);

/** Each phase: its commands (run one after the other) and the phases it waits for. */
const PHASES = [
  {
    name: 'build',
    commands: [
      [bin('nx'), 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
      // Each language's first download (the web app, its locale data, the Serbian translation) within the budget's error limit.
      [process.execPath, join(root, 'tools/i18n/locale-budget.mjs')],
    ],
  },
  // Two workers: one worker made this phase the suite's long pole (about 620 s of CPU in one process) once the
  // browser run beside it became cheaper; each integration file has a database of its own, so files run side by side.
  // The files in groups that share one module registry each (tools/testing/test-groups.ts): each file required the API or Angular anew.
  { name: 'unit', env: { BT_TEST_GROUPS: '1' }, commands: [[bin('jest'), '--ci', '--maxWorkers=2']] },
  // Three files at a time, so that the browser run (the longest phase) keeps its share of the two cores beside the unit tests.
  { name: 'browser', after: ['build'], commands: [[bin('jest'), '--ci', '-c', 'apps/web-e2e/jest.config.ts', '--maxWorkers=3']] },
  // ESLint, then the formatting: a file Prettier would write otherwise fails the phase (`npm run format` writes it).
  {
    name: 'lint',
    commands: [
      [bin('eslint'), '.'],
      [bin('prettier'), '--check', '--log-level=warn', '.'],
    ],
  },
  // The npm start tests before typecheck, as soon as a lane is free (the browser run's, usually): they end the run, so two files
  // at a time (each has its own clusters, ports and directories) keep both cores busy to the end (alone 89 → 66 s).
  { name: 'start', after: ['build'], commands: [[bin('jest'), '--ci', '-c', 'apps/api-e2e/jest.config.ts', '--maxWorkers=2']] },
  {
    name: 'typecheck',
    commands: [
      [bin('tsc'), '-p', 'tools/testing/tsconfig.node.json'],
      [bin('tsc'), '-p', 'tools/testing/tsconfig.web.json'],
    ],
  },
];

const only = process.argv.slice(2);
const phases = only.length
  ? PHASES.filter((p) => only.includes(p.name)).map((p) => ({ ...p, after: (p.after ?? []).filter((a) => only.includes(a)) }))
  : PHASES;
const lanes = Math.max(2, Math.min(availableParallelism(), 4));
const started = Date.now();
const results = new Map(); // name → { ok, seconds }

function run(phase) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const next = (i) => {
      if (i === phase.commands.length) return resolve({ ok: true, seconds: (Date.now() - t0) / 1000 });
      const [command, ...args] = phase.commands[i];
      const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ...phase.env } });
      const prefix = `${phase.name.padEnd(9)}│ `;
      const relay = (stream, out) => {
        let rest = '';
        stream.on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop();
          for (const line of lines) out.write(prefix + line + '\n');
        });
        stream.on('end', () => rest && out.write(prefix + rest + '\n'));
      };
      relay(child.stdout, process.stdout);
      relay(child.stderr, process.stderr);
      child.on('close', (code) => (code === 0 ? next(i + 1) : resolve({ ok: false, seconds: (Date.now() - t0) / 1000 })));
    };
    next(0);
  });
}

const pending = [...phases];
const running = new Set();
await new Promise((done) => {
  const schedule = () => {
    for (const phase of [...pending]) {
      if (running.size >= lanes) break;
      const waiting = (phase.after ?? []).some((a) => !results.has(a));
      if (waiting) continue;
      pending.splice(pending.indexOf(phase), 1);
      const failedBefore = (phase.after ?? []).find((a) => !results.get(a).ok);
      if (failedBefore) {
        results.set(phase.name, { ok: false, seconds: 0, skipped: `needs ${failedBefore}` });
        continue;
      }
      running.add(phase.name);
      run(phase).then((result) => {
        running.delete(phase.name);
        results.set(phase.name, result);
        if (!pending.length && !running.size) done();
        else schedule();
      });
    }
    if (!pending.length && !running.size) done();
  };
  schedule();
});

const total = (Date.now() - started) / 1000;
console.log(`\nphase      seconds  result`);
for (const phase of phases) {
  const r = results.get(phase.name);
  console.log(`${phase.name.padEnd(10)} ${r.seconds.toFixed(0).padStart(7)}  ${r.ok ? 'ok' : r.skipped ? `skipped (${r.skipped})` : 'FAILED'}`);
}
console.log(`${'total'.padEnd(10)} ${total.toFixed(0).padStart(7)}  (wall clock, ${lanes} phases at a time)`);
process.exit([...results.values()].every((r) => r.ok) ? 0 : 1);
