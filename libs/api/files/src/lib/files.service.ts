import { createHash, randomUUID } from 'node:crypto';
import { Transform } from 'node:stream';
import { Inject, Injectable, type StreamableFile } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MULTIPART_LIMITS, type Refusal, refuse } from '@bt/api/core';
import type { DocumentKind, StoredFileDto } from '@bt/contracts';
import { DocumentKindSniffer, KIND_NAMES, MEDIA_TYPES } from './document-kinds';
import { sanitiseFileName } from './file-name';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { attachment, type Upload } from './upload';
import type { ByteRanges } from './zip-reader';

/** An upload that passed every check and sits in storage, not yet recorded in the database. */
export interface ReceivedFile {
  storageKey: string;
  fileName: string;
  kind: DocumentKind;
  mediaType: string;
  sha256: string;
  size: number;
}

/**
 * Uploads for every domain: streamed to storage while hashed and sniffed, never held whole in
 * memory; refused with 413 (over the limit, too many fields), 400 (the form broke off), 415 (a kind
 * the caller does not accept, by the bytes) or 422 (missing, empty) — and then nothing is kept. A
 * domain records the file in its own transaction and downloads go out as attachments that no
 * browser will sniff into something else.
 */
@Injectable()
export class FilesService {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly dataSource: DataSource,
  ) {}

  /** The file a controller made of its request (`uploadedFile`), checked, hashed and stored as it streams in. */
  async receive(file: Upload | undefined, accept: readonly DocumentKind[]): Promise<ReceivedFile> {
    if (!file) throw refuse.unprocessable('upload.file-missing');
    // The form parser may have given up on the file while the caller checked rights (a form limit
    // was hit, the form ended before the file did): it will never end, so nothing is written.
    if (file.stream.destroyed) throw brokenForm(file);
    const storageKey = randomUUID();
    const hash = createHash('sha256');
    const sniffer = new DocumentKindSniffer();
    let size = 0;
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        sniffer.push(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      // A failing upload (cut off, over the limit, a form without its end) must fail the write, not leave it waiting.
      file.stream.on('error', (error) => inspect.destroy(error));
      // A request cut off midway destroys the file stream without an error: a close before its end is one.
      file.stream.on('close', () => {
        if (!file.stream.readableEnded) inspect.destroy(brokenForm(file));
      });
      await this.storage.write(storageKey, file.stream.pipe(inspect));
      if (file.cutAtLimit()) throw refuse.payloadTooLarge('upload.file-too-large');
    } catch (error) {
      await this.storage.remove(storageKey);
      throw uploadFailure(error, file);
    }
    const fileName = sanitiseFileName(file.fileName);
    const kind = sniffer.kind(fileName);
    if (size === 0) {
      await this.storage.remove(storageKey);
      throw refuse.unprocessable('upload.file-empty');
    }
    if (!kind || !accept.includes(kind)) {
      await this.storage.remove(storageKey);
      throw refuse.unsupportedMediaType('upload.kind-not-accepted', { kinds: accept.map((k) => KIND_NAMES[k]).join(', ') });
    }
    return { storageKey, fileName, kind, mediaType: MEDIA_TYPES[kind], sha256: hash.digest('hex'), size };
  }

  /** Runs the transaction that records `received`; if it fails, the stored bytes go too. */
  async keepIf<T>(received: ReceivedFile, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.storage.remove(received.storageKey);
      throw error;
    }
  }

  /** Writes the `stored_file` row inside the caller's transaction. */
  async record(em: EntityManager, received: ReceivedFile, uploadedBy: string): Promise<StoredFileDto> {
    const [row] = await em.query<{ id: string; uploaded_at: Date; uploaded_by_name: string }[]>(
      `INSERT INTO stored_file (storage_key, file_name, media_type, kind, sha256, size, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, uploaded_at, (SELECT display_name FROM app_user WHERE id = $7) AS uploaded_by_name`,
      [received.storageKey, received.fileName, received.mediaType, received.kind, received.sha256, received.size, uploadedBy],
    );
    return {
      id: row.id,
      fileName: received.fileName,
      mediaType: received.mediaType,
      kind: received.kind,
      sha256: received.sha256,
      size: received.size,
      uploadedAt: new Date(row.uploaded_at).toISOString(),
      uploadedBy: row.uploaded_by_name,
    };
  }

  /** A stored file as an attachment (the route wears `AttachmentHeaders`); the caller has already decided the viewer may see it. */
  async download(fileId: string): Promise<StreamableFile> {
    const [file] = await this.dataSource.query<StoredFileRow[]>(`SELECT storage_key, file_name, media_type FROM stored_file WHERE id = $1`, [fileId]);
    if (!file) throw refuse.notFound('file.not-found', { id: fileId });
    return attachment(this.storage.read(file.storage_key), file.file_name, file.media_type);
  }

  /** The bytes of a received file by range, e.g. to read a zip (an XLSX) from its directory. */
  ranges(received: ReceivedFile): ByteRanges {
    return { size: received.size, read: (start, end) => this.storage.read(received.storageKey, { start, end }) };
  }

  /** Removes bytes that were received but will not be recorded (e.g. an import that was refused). */
  discard(received: ReceivedFile): Promise<void> {
    return this.storage.remove(received.storageKey);
  }
}

/**
 * A small uploaded document read into memory at once (an IATI file, not kept as a stored file),
 * refused exactly as `receive` refuses a missing, broken, empty or oversized one.
 */
export async function uploadedBytes(file: Upload | undefined): Promise<Buffer> {
  if (!file) throw refuse.unprocessable('upload.file-missing');
  if (file.stream.destroyed) throw brokenForm(file);
  const chunks: Buffer[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      file.stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      file.stream.on('end', resolve);
      file.stream.on('error', reject);
      // A request cut off midway destroys the file stream without an error: a close before its end is one.
      file.stream.on('close', () => {
        if (!file.stream.readableEnded) reject(brokenForm(file));
      });
    });
  } catch (error) {
    throw uploadFailure(error, file);
  }
  if (file.cutAtLimit()) throw refuse.payloadTooLarge('upload.file-too-large');
  const bytes = Buffer.concat(chunks);
  if (!bytes.length) throw refuse.unprocessable('upload.file-empty');
  return bytes;
}

/** What a failed file stream means for the caller. */
function uploadFailure(error: unknown, file: Upload): unknown {
  // @fastify/multipart signals the limit by failing the stream with its own 413 error.
  if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return refuse.payloadTooLarge('upload.file-too-large');
  // The form parser's "Part terminated early …": the body ended inside the file.
  if (/terminated early/.test((error as Error).message)) return brokenForm(file);
  return error;
}

/**
 * Why the form parser gave up on a file: the form's field limit (the fields before the file are
 * all it kept), or a body that broke off before the end of the file (cut off, no closing boundary).
 */
function brokenForm(file: Upload): Refusal {
  if (file.fieldsRead() >= MULTIPART_LIMITS.fields) return refuse.payloadTooLarge('upload.too-many-fields', { fields: MULTIPART_LIMITS.fields });
  return refuse.badRequest('upload.broke-off');
}

/** Where a stored file's bytes are, and what it is called. */
interface StoredFileRow {
  storage_key: string;
  file_name: string;
  media_type: string;
}

/** The columns of `stored_file` as a domain's query selects them (`uploaded_by_name`: the uploader's display name). */
export interface StoredFileColumns {
  id: string;
  file_name: string;
  media_type: string;
  kind: string;
  sha256: string;
  size: string | number;
  uploaded_at: string | Date;
  uploaded_by_name?: string;
}

/** The columns of `stored_file` as a DTO, for domains that join it in their own queries. */
export function storedFileDto(row: StoredFileColumns): StoredFileDto {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    kind: row.kind as DocumentKind,
    sha256: row.sha256,
    size: Number(row.size),
    uploadedAt: new Date(row.uploaded_at).toISOString(),
    uploadedBy: row.uploaded_by_name ?? '',
  };
}
