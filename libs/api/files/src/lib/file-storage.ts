import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppConfig } from '@bt/api/core';
import { S3Storage } from './s3-storage';

/**
 * Where uploaded bytes live, under server-made keys. One interface so that an S3-compatible store
 * can take the local directory's place: `write` must leave nothing behind when the source fails.
 */
export interface FileStorage {
  write(key: string, source: Readable): Promise<void>;
  /** The file's bytes, or those from `start` up to (not including) `end`. */
  read(key: string, range?: { start: number; end: number }): Readable;
  remove(key: string): Promise<void>;
  /** Every file held, complete or partial (being written, or cut off by a crash), with when it last changed. */
  list(): AsyncIterable<StoredEntry>;
  /** Removes a partial file (an upload cut off by a crash). */
  removePartial(key: string): Promise<void>;
  /**
   * How long a partial file may look untouched while its upload still lives, when longer than
   * 2 × UPLOAD_IDLE_SECONDS (a local `.part` is touched at every chunk; a multipart upload at every part).
   */
  readonly partialQuietMs?: number;
  /** Which database the store's files belong to, as claimed by FileLeftovers; null when never claimed. */
  owner(): Promise<string | null>;
  claim(owner: string): Promise<void>;
}

export interface StoredEntry {
  key: string;
  partial: boolean;
  modifiedAt: Date;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** A stored file's name: its key, and `.part` while it is being written. */
const STORED_NAME = /^([0-9a-f-]{36})(\.part)?$/;
/** The file naming the database whose rows these files are (file-leftovers.ts). */
const OWNER_FILE = '.database';

/** A directory on this machine (`FILES_DIR`, by default `DATA_DIR/files`). */
export class LocalDirectoryStorage implements FileStorage {
  constructor(private readonly dir: string) {}

  async write(key: string, source: Readable): Promise<void> {
    const target = this.path(key);
    // Synchronous on purpose: the pipeline must listen to `source` at once, or an early failure goes unheard.
    mkdirSync(this.dir, { recursive: true });
    // Written under a temporary name and renamed when complete: a half-received file is never visible.
    const partial = `${target}.part`;
    try {
      await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, target);
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

  async *list(): AsyncIterable<StoredEntry> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names) {
      const match = STORED_NAME.exec(name);
      if (!match) continue;
      const modifiedAt = await stat(join(this.dir, name)).then(
        (s) => s.mtime,
        () => null,
      );
      if (modifiedAt) yield { key: match[1], partial: match[2] !== undefined, modifiedAt };
    }
  }

  async removePartial(key: string): Promise<void> {
    await rm(`${this.path(key)}.part`, { force: true });
  }

  async owner(): Promise<string | null> {
    return readFile(join(this.dir, OWNER_FILE), 'utf8').then(
      (text) => text.trim() || null,
      () => null,
    );
  }

  async claim(owner: string): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    await writeFile(join(this.dir, OWNER_FILE), `${owner}\n`, { mode: 0o600 });
  }

  private path(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`Not a storage key: ${key}`);
    return join(this.dir, key);
  }
}

/** The store the settings choose: the bucket of FILES_S3_BUCKET, else the directory FILES_DIR. */
export function fileStorageFor(config: Pick<AppConfig, 'filesDir' | 'filesS3'>): FileStorage {
  return config.filesS3 ? new S3Storage(config.filesS3) : new LocalDirectoryStorage(config.filesDir);
}
