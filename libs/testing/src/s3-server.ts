// Its own declaration of s3rver, reached by any program that compiles this file (the API build, the tests).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver.d.ts" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** s3rver's fixed credentials: it checks every request's signature against them. */
const ACCESS_KEY = 'S3RVER';

/**
 * A real S3 server on loopback (s3rver: S3's HTTP API, signatures checked, objects in a temporary
 * directory) with one empty bucket to begin with, for tests of the S3 file store. `env()` is the
 * FILES_S3_* settings that point the API at a bucket of it; `settings()` the same as S3Settings.
 */
export class S3TestServer {
  readonly bucket = 'bt-files';
  endpoint = '';
  private server!: S3rver;
  private readonly dir = mkdtempSync(join(tmpdir(), 'bt-s3-'));

  async start(): Promise<this> {
    this.server = new S3rver({ address: '127.0.0.1', port: 0, directory: this.dir, silent: true, configureBuckets: [{ name: this.bucket }] });
    const { port } = await this.server.run();
    this.endpoint = `http://127.0.0.1:${port}`;
    return this;
  }

  /** A client of this server, to look below the API's file store. */
  client(): S3Client {
    return new S3Client({
      endpoint: this.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY },
    });
  }

  /** Another empty bucket; its name. */
  async createBucket(): Promise<string> {
    const name = `bt-${Math.random().toString(36).slice(2, 12)}`;
    await this.client().send(new CreateBucketCommand({ Bucket: name }));
    return name;
  }

  /** The keys of every object in a bucket (the first one unless named). */
  async keys(bucket = this.bucket): Promise<string[]> {
    return ((await this.client().send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key as string).sort();
  }

  /** The FILES_S3_* settings of the API for a bucket (the first one unless named). */
  env(bucket = this.bucket): Record<string, string> {
    return {
      FILES_S3_ENDPOINT: this.endpoint,
      FILES_S3_BUCKET: bucket,
      FILES_S3_REGION: 'us-east-1',
      FILES_S3_ACCESS_KEY_ID: ACCESS_KEY,
      FILES_S3_SECRET_ACCESS_KEY: ACCESS_KEY,
      FILES_S3_FORCE_PATH_STYLE: 'true',
    };
  }

  settings(bucket = this.bucket) {
    return { endpoint: this.endpoint, bucket, region: 'us-east-1', accessKeyId: ACCESS_KEY, secretAccessKey: ACCESS_KEY, forcePathStyle: true };
  }

  async stop(): Promise<void> {
    await this.server?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
