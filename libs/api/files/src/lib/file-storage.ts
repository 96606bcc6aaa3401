import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded bytes live, under server-made keys. One interface so that an S3-compatible store
 * can take the local directory's place: `write` must leave nothing behind when the source fails.
 */
export interface FileStorage {
  write(key: string, source: Readable): Promise<void>;
  /** The file's bytes, or those from `start` up to (not including) `end`. */
  read(key: string, range?: { start: number; end: number }): Readable;
  remove(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** A directory on this machine (`FILES_DIR`, by default `DATA_DIR/files`). */
export class LocalDirectoryStorage implements FileStorage {
  constructor(private readonly dir: string) {}

  async write(key: string, source: Readable): Promise<void> {
    // Synchronous on purpose: the pipeline must listen to `source` at once, or an early failure goes unheard.
    mkdirSync(this.dir, { recursive: true });
    // Written under a temporary name and renamed when complete: a half-received file is never visible.
    const partial = join(this.dir, `${key}.part`);
    try {
      await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, this.path(key));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    // An empty range is no range for createReadStream (its `end` is inclusive).
    if (range && range.end <= range.start) return Readable.from([]);
    return createReadStream(this.path(key), range && { start: range.start, end: range.end - 1 });
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`Not a storage key: ${key}`);
    return join(this.dir, key);
  }
}
