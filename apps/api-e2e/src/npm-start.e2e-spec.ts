import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What a new user does: `npm start` with nothing configured, on the built app.
const root = join(__dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startProduct(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, [join(root, 'tools/start.mjs'), '--no-build'], { cwd: root, env, stdio: 'pipe' });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return { child, output: () => output };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`not healthy within 60 s:\n${output}`);
}

/** PostgreSQL servers whose data directory is under `dir`. */
function postgresRunningIn(dir: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.includes('postgres') && line.includes(dir));
}

/** A process's environment as it was started with (/proc/<pid>/environ). */
function environmentOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
}

/** The processes `npm start` started, by their command line. */
function childrenOf(pid: number): { pid: number; args: string }[] {
  const ps = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  return ps
    .trim()
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(.*)$/))
    .flatMap((m) => (m ? [{ pid: Number(m[1]), args: m[2] }] : []));
}

describe('npm start on an empty machine', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'bt-start-')), 'data');

  afterAll(() => {
    for (const line of postgresRunningIn(dataDir)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('serves the catalogue, keeps its data across a restart, and stops everything on SIGTERM', async () => {
    chmodSync(join(dataDir, '..'), 0o755);
    const port = await freePort();
    const first = await startProduct(dataDir, port);
    const list = await (await fetch(`http://127.0.0.1:${port}/api/benchmarks?country=RS&chapter=24&pageSize=200`)).json();
    expect(list.total).toBe(41);
    const mig02 = await (await fetch(`http://127.0.0.1:${port}/api/benchmarks/RS-24-MIG-02`)).json();
    // The web app at the same address, as a browser asks for a page, and a ready line that says so.
    const page = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<bt-root');
    expect(first.output()).toContain(`Benchmark Tracker is ready at http://localhost:${port}`);
    expect(first.output()).not.toContain('the web app is not built');
    expect(postgresRunningIn(dataDir)).toHaveLength(1);
    // PostgreSQL keeps its backends' freed memory (tools/embedded-database.mjs); the API keeps glibc's defaults.
    const postmaster = Number(postgresRunningIn(dataDir)[0].trim().split(/\s+/)[0]);
    expect(environmentOf(postmaster)).toEqual(expect.arrayContaining(['MALLOC_MMAP_THRESHOLD_=33554432', 'MALLOC_TRIM_THRESHOLD_=67108864']));
    const api = childrenOf(first.child.pid as number).find((p) => p.args.includes('dist/apps/api/main.js'));
    expect(api).toBeDefined();
    expect(environmentOf(api?.pid as number).filter((v) => v.startsWith('MALLOC_'))).toEqual([]);

    first.child.kill('SIGTERM');
    const [code] = await once(first.child, 'exit');
    expect(code).toBe(0);
    expect(postgresRunningIn(dataDir)).toEqual([]);

    const second = await startProduct(dataDir, port);
    const again = await (await fetch(`http://127.0.0.1:${port}/api/benchmarks/RS-24-MIG-02`)).json();
    // The same row, not a new import: the database survived the restart.
    expect(again.id).toBe(mig02.id);
    expect(second.output()).toContain('0 created, 0 updated, 88 unchanged');
    second.child.kill('SIGINT');
    await once(second.child, 'exit');
    expect(postgresRunningIn(dataDir)).toEqual([]);
  });

  it('starts a mail catcher without SMTP_URL, prints its address, and the demo’s e-mails arrive there with a working link', async () => {
    chmodSync(join(dataDir, '..'), 0o755);
    const port = await freePort();
    const product = await startProduct(join(dataDir, '..', 'mail-demo'), port);
    try {
      const catcher = /read them at (http:\/\/127\.0\.0\.1:\d+)/.exec(product.output())?.[1];
      expect(catcher).toBeDefined();
      // The coordinator submits RS-24-POL-10 (demo evidence shared, its proposals answered): the Commission is told.
      const base = `http://127.0.0.1:${port}`;
      const cookies = new Map<string, string>();
      const call = async (method: string, path: string, body?: unknown) => {
        const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
        if (method !== 'GET') headers['x-xsrf-token'] = cookies.get('XSRF-TOKEN') ?? '';
        if (body !== undefined) headers['content-type'] = 'application/json';
        const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        for (const cookie of response.headers.getSetCookie()) {
          const pair = cookie.split(';')[0];
          cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
        }
        return { status: response.status, body: await response.json().catch(() => null) };
      };
      await call('GET', '/api/health');
      expect((await call('POST', '/api/auth/login', { email: 'coordinator@demo.test', password: 'demo-pass-2026' })).status).toBe(200);
      const { version } = (await call('GET', '/api/benchmarks/RS-24-POL-10')).body;
      expect((await call('POST', '/api/benchmarks/RS-24-POL-10/transitions', { event: 'SUBMIT', version })).status).toBe(200);

      type Caught = { subject: string; to: { address: string }[]; text: string };
      let mail: Caught | undefined;
      while (!mail) {
        const messages: Caught[] = await (await fetch(`${catcher}/api/email`)).json();
        mail = messages.find((m) => m.to.some((t) => t.address === 'commission@demo.test'));
        if (!mail) await new Promise((r) => setTimeout(r, 250));
      }
      expect(mail.subject).toBe('RS-24-POL-10: submitted by Marko Coordinator for your review');
      const link = /Open it in Benchmark Tracker: (\S+)/.exec(mail.text)?.[1];
      expect(link).toBe(`http://localhost:${port}/benchmarks/RS-24-POL-10`);
      const page = await fetch(link as string, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<bt-root');
      expect((await fetch(catcher as string, { headers: { accept: 'text/html' } })).status).toBe(200);
    } finally {
      product.child.kill('SIGTERM');
      await once(product.child, 'exit');
    }
  });
});
