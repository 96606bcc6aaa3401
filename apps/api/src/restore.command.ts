import { resolve } from 'node:path';
import type { AppConfig } from '@bt/api/core';
import { fileStorageFor } from '@bt/api/files';
import { megabytes } from './backup.command';
import { restore, RestoreRefused } from './backup/restore';

/**
 * `npm run restore -- <dir>`: a backup into an empty database (DATABASE_URL) and an empty file store (FILES_DIR, or the bucket of FILES_S3_BUCKET);
 * reports success only once the tables, the files and the audit chain match the backup's manifest.
 */
export async function restoreCommand(config: AppConfig, args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error('usage: npm run restore -- <backup directory>');
    return 2;
  }
  const dir = resolve(args[0]);
  const started = Date.now();
  try {
    const { manifest, problems } = await restore(dir, { databaseUrl: config.databaseUrl, storage: fileStorageFor(config), log: (line) => console.log(line) });
    if (problems.length) {
      console.error(
        `restore FAILED verification — the database and the file store hold what was loaded, which is NOT the backup; drop them before trying again:\n  ${problems.join('\n  ')}`,
      );
      return 1;
    }
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
    console.log(
      `restore complete and verified in ${((Date.now() - started) / 1000).toFixed(1)} s: the backup of ${manifest.takenAt}, ` +
        `${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files (${megabytes(bytes)}), audit trail of ${manifest.audit.events} events intact; ` +
        `schema ${manifest.schema.lastMigration} (the API migrates further at its start)`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefused) {
      console.error(`restore REFUSED: ${error.message}`);
      return 1;
    }
    console.error(
      `restore FAILED: ${error instanceof Error ? error.message : String(error)} — drop the database and empty the file store (FILES_DIR or the bucket) before trying again`,
    );
    return 1;
  }
}
