import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript file of the web app and its libraries (not specs). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * `$localize` metadata is `:meaning|description@@id:`, ended by the first colon: a colon inside the
 * description cuts it short, and the built app then shows the rest (id and all) as the text.
 */
describe('translatable messages in code', () => {
  const root = join(__dirname, '../../../..');
  const files = [...sources(join(root, 'apps/web/src')), ...sources(join(root, 'libs/web'))];

  it('each carries an explicit @@id and a description without a colon', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\$localize`([^`]*)/g)) {
        const metadata = /^:([^:]*):/.exec(match[1]);
        if (!metadata || !/@@[\w.-]+$/.test(metadata[1])) problems.push(`${file.slice(root.length + 1)}: ${match[1].slice(0, 80)}`);
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});
