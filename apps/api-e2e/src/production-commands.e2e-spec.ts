import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The commands an operator runs on a production installation, as they would run them.
const root = join(__dirname, '../../..');

describe('a production installation', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'bt-prod-')), 'data');
  const run = (args: string[], input = '', data = dataDir) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATA_DIR: data };
    delete env['DATABASE_URL'];
    return spawnSync(process.execPath, [join(root, 'tools/with-database.mjs'), process.execPath, join(root, 'dist/apps/api/main.js'), ...args], {
      cwd: root,
      env,
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
  };

  beforeAll(() => chmodSync(join(dataDir, '..'), 0o755));
  afterAll(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('creates the first admin with a password read from stdin, and refuses a short one or a second time', () => {
    const short = run(['admin:create', '--email', 'x@example.org'], 'short\n');
    expect([short.status, short.stderr]).toEqual([1, expect.stringContaining('at least 12 characters')]);
    const created = run(['admin:create', '--email', 'Boss@Example.org', '--name', 'The Boss'], 'a-very-long-password\n');
    expect([created.status, created.stdout]).toEqual([0, expect.stringContaining('admin boss@example.org created')]);
    const again = run(['admin:create', '--email', 'boss@example.org'], 'a-very-long-password\n');
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('exists already')]);
  });

  it('verifies the audit trail, which holds the creation and nothing else', () => {
    const verify = run(['audit:verify']);
    expect([verify.status, verify.stdout]).toEqual([0, expect.stringContaining('audit trail intact: 1 events verified')]);
  });

  it("backs up, and restores into a new installation's empty database, verified; a second restore is refused", () => {
    const backupDir = join(dataDir, '..', 'backup');
    const restored = join(dataDir, '..', 'restored');
    const backup = run(['backup', backupDir]);
    expect([backup.status, backup.stdout]).toEqual([
      0,
      expect.stringMatching(/backup complete in [\d.]+ s: \d+ tables, \d+ rows, 0 files \(0\.0 MB\), audit trail of 1 events/),
    ]);
    expect(run(['backup', backupDir]).status).toBe(1);
    const restore = run(['restore', backupDir], '', restored);
    expect([restore.status, restore.stdout]).toEqual([
      0,
      expect.stringMatching(/restore complete and verified in [\d.]+ s: .* audit trail of 1 events intact/),
    ]);
    const again = run(['restore', backupDir], '', restored);
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('restore REFUSED: the database is not empty')]);
    const verify = run(['audit:verify'], '', restored);
    expect([verify.status, verify.stdout]).toEqual([0, expect.stringContaining('audit trail intact: 1 events verified')]);
  });
});
