import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Each table is written by one domain library (docs/architecture.md, "Who owns which table"): this
 * reads every write in libs/api — SQL (INSERT INTO, UPDATE … SET, DELETE FROM, the catalogue's
 * upsert) and TypeORM entity writes — and holds it to the list there.
 */
const root = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !/\.(spec|integration-spec)\.ts$/.test(path) ? [path] : [];
  });
}

/** The list of docs/architecture.md: table → its owner and the libraries that also write it. */
function ownership(): Map<string, { owner: string; also: string[] }> {
  const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Who owns which table'));
  const rows = new Map<string, { owner: string; also: string[] }>();
  for (const line of section.split('\n').filter((l) => /^\| `/.test(l))) {
    const [tables, owner, also] = line
      .split('|')
      .slice(1, 4)
      .map((cell) => cell.trim());
    const others = [...also.matchAll(/(?:^|;\s*)([a-z-]+) \(/g)].map((m) => m[1]);
    for (const [, table] of tables.matchAll(/`([a-z_]+)`/g)) rows.set(table, { owner: owner.split(' ')[0], also: others });
  }
  return rows;
}

/** Each library's written tables, with the file of each write. */
function writes(): { library: string; table: string; file: string }[] {
  const libraries = readdirSync(join(root, 'libs/api'));
  const files = libraries.flatMap((library) =>
    sources(join(root, 'libs/api', library, 'src')).map((file) => ({ library, file, text: readFileSync(file, 'utf8') })),
  );
  const entityTables = new Map<string, string>();
  for (const { text } of files) {
    for (const m of text.matchAll(/@Entity\('([a-z_]+)'\)[\s\S]*?export class (\w+)/g)) entityTables.set(m[2], m[1]);
  }
  const found: { library: string; table: string; file: string }[] = [];
  const sql = /\bINSERT INTO\s+([a-z_]+)|(?<!DO |FOR )\bUPDATE\s+([a-z_]+)(?:\s+[a-z]\w*)?\s+SET\b|\bDELETE FROM\s+([a-z_]+)|\bupsert\(em, '([a-z_]+)'/g;
  const entity =
    /\b(?:insert|update|delete|create|upsert|save)\((\w+)\s*[,)]|getRepository\((\w+)\)\s*\.(?:insert|save|update|delete|upsert)\b|\.delete\(\)\s*\.from\((\w+)\)/g;
  for (const { library, file, text } of files) {
    for (const m of text.matchAll(sql)) found.push({ library, file, table: m[1] ?? m[2] ?? m[3] ?? m[4] });
    for (const m of text.matchAll(entity)) {
      const table = entityTables.get(m[1] ?? m[2] ?? m[3]);
      if (table) found.push({ library, file, table });
    }
  }
  return found;
}

describe('who writes which table', () => {
  const list = ownership();
  const found = writes();

  it('reads the list and finds the writes (a parser that found nothing would pass anything)', () => {
    expect(list.size).toBeGreaterThan(40);
    expect(new Set(found.map((w) => w.table)).size).toBeGreaterThan(40);
    expect(found).toContainEqual(expect.objectContaining({ library: 'identity', table: 'user_session' }));
  });

  it('has every written table in the list of docs/architecture.md', () => {
    expect([...new Set(found.filter((w) => !list.has(w.table)).map((w) => `${w.table} (written by ${w.library})`))]).toEqual([]);
  });

  it('lets only its owner write a table, and the debts the list names', () => {
    const strangers = found.filter((w) => {
      const entry = list.get(w.table);
      return entry && w.library !== entry.owner && !entry.also.includes(w.library);
    });
    expect(strangers.map((w) => `${w.library} writes ${w.table} (${w.file.slice(root.length + 1)}), owned by ${list.get(w.table)?.owner}`)).toEqual([]);
  });

  it('names no debt that is paid: each "also written by" still writes the table', () => {
    const stale = [...list].flatMap(([table, { also }]) =>
      also.filter((library) => !found.some((w) => w.table === table && w.library === library)).map((library) => `${table}: ${library}`),
    );
    expect(stale).toEqual([]);
  });
});
