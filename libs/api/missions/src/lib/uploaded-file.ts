import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';

export interface StoredFile {
  storageKey: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  size: number;
  /** Removes the stored file (when the transaction that records it fails). */
  discard: () => Promise<void>;
}

/** Document types decided by the file's first bytes, never by its name. */
const DOCUMENT_SIGNATURES: { mediaType: string; magic: number[] }[] = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'application/zip', magic: [0x50, 0x4b, 0x03, 0x04] }, // DOCX, ODT (zip containers)
];

/**
 * Streams an upload to `<dir>/<uuid>` while hashing it; never holds it whole in memory. Refuses
 * with 413 past the limit and 415 for a type the bytes do not show; leaves no file behind then.
 */
export async function storeUpload(file: MultipartFile, dir: string): Promise<StoredFile> {
  await mkdir(dir, { recursive: true });
  const storageKey = randomUUID();
  const partial = join(dir, `${storageKey}.part`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const inspect = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8 - head.length)]);
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(file.file, inspect, createWriteStream(partial, { mode: 0o600 }));
    if (file.file.truncated) throw new PayloadTooLargeException('The file is larger than the upload limit.');
    const type = DOCUMENT_SIGNATURES.find((s) => s.magic.every((byte, i) => head[i] === byte));
    if (!type || size === 0) throw new UnsupportedMediaTypeException('Only PDF, DOCX and ODT documents are accepted for a mission report.');
    await rename(partial, join(dir, storageKey));
    return {
      storageKey,
      fileName: sanitiseFileName(file.filename),
      mediaType: type.mediaType,
      sha256: hash.digest('hex'),
      size,
      discard: () => rm(join(dir, storageKey), { force: true }),
    };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** The uploaded name is only metadata: keep a plain, short, path-free version of it. */
export function sanitiseFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[^\p{L}\p{N} ._()-]/gu, '_').replace(/^\.+/, '').trim().slice(0, 200);
  return clean || 'document';
}
