// `npm test`'s unit phase runs the test files in groups: each group is one Jest test file
// (tools/testing/groups/<project>-<n>.group-spec.ts) that runs its share of the project's test files,
// each inside a `describe` of its own name, so that they share one module registry.
//
// Why: Jest gives every test file a fresh module registry, so every file required the API (Nest,
// TypeORM, Fastify, pg, the domain libraries) or Angular, Material and the app's components (compiled
// again by the JIT compiler) anew: about 1–1.5 s of CPU per file, some 160 files. Measured on 9 API
// integration files, 44–52 → 35 s of CPU; on 10 Angular component files, 22 → 12 s.
//
// What each file still gets of its own: its hooks and timeouts (the longest any file of a group asks
// for holds for the group), real timers when it ends, and in jsdom empty storage and an empty body
// when it starts. Modules are evaluated once per group, so module-level state is shared by the files
// of a group as it already was by the tests of a file. `npx jest <file>` runs one file alone, as before.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../..');

/** Each Jest project's test files: where they live and how their names end (jest.config.ts reads these too). */
export const TEST_FILES = {
  node: {
    roots: ['apps/api/src', 'libs/api', 'libs/workflow/src', 'libs/i18n/src', 'libs/contracts/src'],
    endings: ['.spec.ts', '.integration-spec.ts'],
  },
  web: { roots: ['apps/web/src', 'libs/web'], endings: ['.spec.ts'] },
} as const;

export type TestProject = keyof typeof TEST_FILES;

export const GROUPS_DIR = join(root, 'tools/testing/groups');

/** The project's test files, as Jest's roots and testMatch find them. */
export function testFilesOf(project: TestProject): string[] {
  const { roots, endings } = TEST_FILES[project];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (endings.some((ending) => entry.name.endsWith(ending))) files.push(path);
    }
  };
  for (const dir of roots) walk(join(root, dir));
  return files.sort();
}

/** How many groups the project has: its group files in tools/testing/groups, so that no file is left out. */
export function groupCount(project: TestProject): number {
  return readdirSync(GROUPS_DIR).filter((name) => name.startsWith(`${project}-`) && name.endsWith('.group-spec.ts')).length;
}

/**
 * The project's files split into `count` groups of about the same size: the largest files first, each
 * to the group with the fewest bytes so far (a file's size stands for its running time well enough).
 */
export function testGroups(project: TestProject, count = groupCount(project)): string[][] {
  const groups = Array.from({ length: count }, () => ({ bytes: 0, files: [] as string[] }));
  const sized = testFilesOf(project).map((file) => ({ file, bytes: statSync(file).size }));
  sized.sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
  for (const { file, bytes } of sized) {
    const smallest = groups.reduce((least, group) => (group.bytes < least.bytes ? group : least));
    smallest.bytes += bytes;
    smallest.files.push(file);
  }
  return groups.map((group) => group.files.sort());
}

/** Jest's current default timeout (what `jest.setTimeout` last set; the config's testTimeout else). */
const TIMEOUT = Symbol.for('TEST_TIMEOUT_SYMBOL');
const currentTimeout = () => (globalThis as unknown as Record<symbol, number | undefined>)[TIMEOUT] ?? 0;

/** Declares group `number` (1-based) of the project: each of its files in a describe of its own. */
export function runTestGroup(project: TestProject, number: number): void {
  const files = testGroups(project)[number - 1] ?? [];
  let longest = currentTimeout();
  for (const file of files) {
    describe(relative(root, file), () => {
      if (project === 'web') beforeAll(freshDocument);
      require(file);
      longest = Math.max(longest, currentTimeout());
      afterAll(() => jest.useRealTimers());
    });
  }
  if (longest) jest.setTimeout(longest);
}

/** In jsdom, what a file would have found in an environment of its own: no stored items or cookies, an empty body. */
function freshDocument(): void {
  localStorage.clear();
  sessionStorage.clear();
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  document.body.innerHTML = '';
}
