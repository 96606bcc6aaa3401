import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@bt/api/core';
import { FILE_STORAGE, type FileStorage } from './file-storage';

/** How often the store is swept after the sweep at start. */
export const SWEEP_INTERVAL_MS = 10 * 60 * 1000;
/**
 * A complete file without its row is kept this long: an upload is renamed into place before the
 * domain's transaction records it, so a younger one may be a commit still on its way.
 */
export const ROWLESS_FILE_GRACE_MS = 60 * 60 * 1000;

/**
 * What a crash leaves in the file store, removed at start and every 10 minutes (main.ts starts it;
 * the tests' apps, which share a directory with other databases, do not):
 * - `.part` files (an upload being written when the process died). An upload in flight writes its
 *   `.part` at least every UPLOAD_IDLE_SECONDS, or is given up and removes it itself, so one
 *   untouched for twice that long is nobody's — on another instance either.
 * - complete files no `stored_file` row names, an hour after they were written (a crash between the
 *   rename and the commit, or a rolled-back transaction): younger, one may be committing right now.
 *   Only when the store is this database's: the first sweep claims an unclaimed store for it
 *   (`.database`: the server's system identifier and the database's name), and a store claimed by
 *   another database (tests sharing FILES_DIR, a restored copy) keeps its files, with a warning.
 * In an S3 bucket (s3-storage.ts) the partial files are unfinished multipart uploads (removed after an
 * hour untouched: they are touched only at every 5 MB part) and `.database` is an object.
 */
@Injectable()
export class FileLeftovers implements OnApplicationShutdown {
  private readonly logger = new Logger('FileLeftovers');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sweeps now, then every SWEEP_INTERVAL_MS until the app stops. */
  async start(): Promise<void> {
    await this.sweep();
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn(`sweep failed: ${String(error)}`)), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(now = new Date()): Promise<{ partial: number; rowless: number }> {
    const partialBefore = now.getTime() - Math.max(2 * this.config.uploadIdleSeconds * 1000, this.storage.partialQuietMs ?? 0);
    const rowlessBefore = now.getTime() - ROWLESS_FILE_GRACE_MS;
    const ours = await this.claimed();
    let partial = 0;
    const candidates: string[] = [];
    for await (const entry of this.storage.list()) {
      if (entry.partial && entry.modifiedAt.getTime() < partialBefore) {
        await this.storage.removePartial(entry.key);
        partial++;
      } else if (!entry.partial && ours && entry.modifiedAt.getTime() < rowlessBefore) {
        candidates.push(entry.key);
      }
    }
    let rowless = 0;
    for (let i = 0; i < candidates.length; i += 1000) {
      const keys = candidates.slice(i, i + 1000);
      const rows = await this.dataSource.query<{ storage_key: string }[]>('SELECT storage_key FROM stored_file WHERE storage_key = ANY($1)', [keys]);
      const recorded = new Set(rows.map((r) => r.storage_key));
      for (const key of keys.filter((k) => !recorded.has(k))) {
        await this.storage.remove(key);
        rowless++;
      }
    }
    if (partial || rowless) this.logger.log(`removed ${partial} cut-off upload(s) (.part) and ${rowless} file(s) without a row`);
    return { partial, rowless };
  }

  /** Whether the store's files are this database's: claims an unclaimed store. */
  private async claimed(): Promise<boolean> {
    // The server's identifier tells apart databases of one name on two servers; a role may not read it (then the name alone).
    const [{ id }] = await this.dataSource
      .query<{ id: string }[]>(`SELECT (SELECT system_identifier FROM pg_control_system())::text || '/' || current_database() AS id`)
      .catch(() => this.dataSource.query<{ id: string }[]>(`SELECT current_database() AS id`));
    const owner = await this.storage.owner();
    if (owner === null) {
      await this.storage.claim(id);
      return true;
    }
    if (owner !== id) this.logger.warn(`the file store belongs to database ${owner}, not ${id}: files without a row are kept`);
    return owner === id;
  }
}
