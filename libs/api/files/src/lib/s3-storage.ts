import { Readable } from 'node:stream';
import type * as S3 from '@aws-sdk/client-s3';
import type * as S3Uploads from '@aws-sdk/lib-storage';
import { onFirstUse, type S3Settings } from '@bt/api/core';
import type { FileStorage, StoredEntry } from './file-storage';

/** The AWS SDK, required when an S3 store is made: a local directory's deployments never load it. */
const awsSdk = onFirstUse(() => ({ s3: require('@aws-sdk/client-s3') as typeof S3, uploads: require('@aws-sdk/lib-storage') as typeof S3Uploads }));

/** The object naming the database whose rows these files are (file-leftovers.ts), as `.database` in a local directory. */
const OWNER_OBJECT = '.database';
/** A stored file's key: a server-made UUID. */
const KEY = /^[0-9a-f-]{36}$/;
/**
 * An upload goes up in parts of this size (S3's smallest but the last): one part is held in memory
 * per upload in flight, never the whole file; a file smaller than one part is one PUT.
 */
export const S3_PART_BYTES = 5 * 1024 * 1024;

/**
 * Files as objects in a bucket of any S3-compatible store (AWS S3, MinIO, Ceph, Garage, …), chosen
 * by FILES_S3_BUCKET: what several API instances share. Objects are named by their key alone.
 * An upload is streamed in parts (a multipart upload, invisible until complete, like the local
 * store's `.part` file), and a download streamed from GetObject; a byte range is a ranged GET.
 */
export class S3Storage implements FileStorage {
  /**
   * A cut-off multipart upload is "touched" only when a whole part arrives, so a slow but living
   * upload may look idle for minutes: its parts are removed after an hour untouched, not 2 × UPLOAD_IDLE_SECONDS.
   */
  readonly partialQuietMs = 60 * 60 * 1000;
  private readonly sdk = awsSdk();
  private readonly client: S3.S3Client;
  private readonly bucket: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.client = new this.sdk.s3.S3Client({
      endpoint: settings.endpoint ?? undefined,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
      // Checksums only where S3 requires them: the SDK's default (a CRC trailer in aws-chunked bodies) is
      // not understood by every S3-compatible store, and each file's SHA-256 is checked by the app itself.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async write(key: string, source: Readable): Promise<void> {
    const upload = new this.sdk.uploads.Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: source },
      partSize: S3_PART_BYTES,
      queueSize: 1,
      leavePartsOnError: false,
    });
    // The source failing (a cut-off request) must fail the write at once, with the source's own error.
    const failed = new Promise<never>((_resolve, reject) => source.once('error', reject));
    failed.catch(() => undefined);
    try {
      await Promise.race([upload.done(), failed]);
    } catch (error) {
      // Stops a multipart upload in flight and removes its parts (lib-storage aborts it on failure).
      await upload.abort().catch(() => undefined);
      throw error;
    }
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    const objectKey = this.objectKey(key);
    if (range && range.end <= range.start) return Readable.from([]);
    return lazyBody((abortSignal) =>
      this.client
        .send(new this.sdk.s3.GetObjectCommand({ Bucket: this.bucket, Key: objectKey, Range: range && `bytes=${range.start}-${range.end - 1}` }), {
          abortSignal,
        })
        .then((answer) => answer.Body as Readable),
    );
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new this.sdk.s3.DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async *list(): AsyncIterable<StoredEntry> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new this.sdk.s3.ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (object.Key && KEY.test(object.Key) && object.LastModified) yield { key: object.Key, partial: false, modifiedAt: object.LastModified };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    for await (const upload of this.unfinishedUploads()) yield { key: upload.key, partial: true, modifiedAt: upload.touchedAt };
  }

  /** Aborts the key's unfinished multipart uploads (their parts go with them). */
  async removePartial(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    for await (const upload of this.unfinishedUploads(objectKey)) {
      await this.client.send(new this.sdk.s3.AbortMultipartUploadCommand({ Bucket: this.bucket, Key: objectKey, UploadId: upload.uploadId }));
    }
  }

  async owner(): Promise<string | null> {
    try {
      const answer = await this.client.send(new this.sdk.s3.GetObjectCommand({ Bucket: this.bucket, Key: OWNER_OBJECT }));
      return (await (answer.Body as { transformToString(): Promise<string> }).transformToString()).trim() || null;
    } catch (error) {
      if (error instanceof this.sdk.s3.S3ServiceException && (error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)) return null;
      throw error;
    }
  }

  async claim(owner: string): Promise<void> {
    await this.client.send(new this.sdk.s3.PutObjectCommand({ Bucket: this.bucket, Key: OWNER_OBJECT, Body: `${owner}\n`, ContentType: 'text/plain' }));
  }

  /** The store's multipart uploads never completed nor aborted (a crash mid-upload), of one key or all. */
  private async *unfinishedUploads(prefix?: string): AsyncIterable<{ key: string; uploadId: string; touchedAt: Date }> {
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new this.sdk.s3.ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: prefix, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
        );
      } catch (error) {
        // A store without this listing (s3rver, some small servers): its cut-off uploads are left to the bucket's lifecycle rule.
        if (error instanceof this.sdk.s3.S3ServiceException && (error.name === 'NotImplemented' || error.$metadata.httpStatusCode === 501)) return;
        throw error;
      }
      for (const upload of page.Uploads ?? []) {
        if (!upload.Key || !upload.UploadId || !KEY.test(upload.Key)) continue;
        // Touched when its last part arrived, else when it began.
        const parts = await this.client.send(new this.sdk.s3.ListPartsCommand({ Bucket: this.bucket, Key: upload.Key, UploadId: upload.UploadId }));
        const times = (parts.Parts ?? []).map((p) => p.LastModified?.getTime() ?? 0);
        const touchedAt = new Date(Math.max(upload.Initiated?.getTime() ?? 0, ...times));
        yield { key: upload.Key, uploadId: upload.UploadId, touchedAt };
      }
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
    } while (keyMarker);
  }

  private objectKey(key: string): string {
    if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
    return key;
  }
}

/**
 * A stream at once (callers pipe it before any answer), whose bytes come from a request begun at the
 * first read; destroying it (a download cut off) aborts that request. Its failure (no such object)
 * fails the stream, as a missing local file does.
 */
function lazyBody(open: (signal: AbortSignal) => Promise<Readable>): Readable {
  const abort = new AbortController();
  let body: Readable | null = null;
  let opening = false;
  const out = new Readable({
    read() {
      if (body) {
        body.resume();
        return;
      }
      if (opening) return;
      opening = true;
      open(abort.signal).then(
        (stream) => {
          body = stream;
          stream.on('data', (chunk: Buffer) => {
            if (!out.push(chunk)) stream.pause();
          });
          stream.once('end', () => out.push(null));
          stream.once('error', (error) => out.destroy(error));
        },
        (error: unknown) => out.destroy(error as Error),
      );
    },
    destroy(error, done) {
      abort.abort();
      body?.destroy();
      done(error);
    },
  });
  return out;
}
