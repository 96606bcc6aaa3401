import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Bumped when the layout of a backup changes, so that a restore refuses what it cannot read. */
export const BACKUP_FORMAT = 1;

/**
 * `manifest.json`, written last: a backup directory without one is unfinished. What a restore must
 * find again in the database and the file store before it reports success.
 */
export interface Manifest {
  format: number;
  /** When the snapshot was taken (the database's clock). */
  takenAt: string;
  /** The migrations the database had run, oldest first: its schema version is the last one. */
  schema: { lastMigration: string; migrations: string[] };
  /**
   * Every table of the public schema (but `migrations`), in an order that loads referenced tables
   * first. `checksum`: the sum modulo 2^256 of the SHA-256 of each row's line in COPY's text form, so
   * that it does not depend on the order in which rows come out (see table-checksum.ts).
   */
  tables: { name: string; columns: string[]; rows: number; checksum: string; file: string }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** The audit trail's length and its last event's hash: the restored chain must end there. */
  audit: { events: number; lastHash: string | null };
  /** The stored files the snapshot's `stored_file` rows name, copied under `files/<key>`. */
  files: { key: string; sha256: string; size: number }[];
}

export const MANIFEST_FILE = 'manifest.json';

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  // Written under another name and renamed: a manifest is never half there.
  const partial = join(dir, `${MANIFEST_FILE}.part`);
  await writeFile(partial, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, join(dir, MANIFEST_FILE));
}

/** The backup's manifest; null when there is none (not a backup, or one that did not finish). */
export async function readManifest(dir: string): Promise<Manifest | null> {
  const text = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  return text === null ? null : (JSON.parse(text) as Manifest);
}
