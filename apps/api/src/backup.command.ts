import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { AppConfig } from '@bt/api/core';
import { fileStorageFor } from '@bt/api/files';
import { backup, BackupError } from './backup/backup';

/**
 * `npm run backup -- <dir>`: the database and the stored files into a new directory, online (the
 * API keeps running), with a manifest of counts and checksums; exit code 1 and why when it fails.
 */
export async function backupCommand(config: AppConfig, args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error('usage: npm run backup -- <new or empty directory>');
    return 2;
  }
  const dir = resolve(args[0]);
  const started = Date.now();
  try {
    const manifest = await backup(dir, { databaseUrl: config.databaseUrl, storage: fileStorageFor(config), log: (line) => console.log(line) });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
    console.log(
      `backup complete in ${((Date.now() - started) / 1000).toFixed(1)} s: ${manifest.tables.length} tables, ${rows} rows, ` +
        `${manifest.files.length} files (${megabytes(bytes)}), audit trail of ${manifest.audit.events} events; ` +
        `schema ${manifest.schema.lastMigration}; ${diskUsage(dir)} in ${dir}`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`backup FAILED: ${error.message}`);
    return 1;
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What the directory takes on disk, as `du` says. */
export function diskUsage(dir: string): string {
  try {
    return `${execFileSync('du', ['-sh', dir], { encoding: 'utf8' }).split('\t')[0]}B`;
  } catch {
    return 'size unknown';
  }
}
