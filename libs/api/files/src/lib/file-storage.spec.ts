import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { S3TestServer } from '@bt/testing';
import { type FileStorage, fileStorageFor, LocalDirectoryStorage } from './file-storage';
import { S3_PART_BYTES, S3Storage } from './s3-storage';

/** A store under test, and what it really holds, below the interface: a directory's names, a bucket's object keys. */
interface StoreUnderTest {
  storage: FileStorage;
  held(): Promise<string[]>;
}

const s3 = new S3TestServer();
beforeAll(() => s3.start());
afterAll(() => s3.stop());

const stores: [string, () => Promise<StoreUnderTest>][] = [
  [
    'the local directory storage',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bt-storage-'));
      return { storage: new LocalDirectoryStorage(dir), held: async () => readdirSync(dir).sort() };
    },
  ],
  [
    'the S3 storage (a real S3 server on loopback)',
    async () => {
      // A bucket of its own for each test, so that "nothing else" means nothing else.
      const bucket = await s3.createBucket();
      return { storage: new S3Storage(s3.settings(bucket)), held: () => s3.keys(bucket) };
    },
  ],
];

const text = async (stream: Readable) => Buffer.concat(await stream.toArray()).toString();
const listed = async (storage: FileStorage) => {
  const entries = [];
  for await (const entry of storage.list()) entries.push(entry);
  return entries;
};

describe.each(stores)('%s', (_name, open) => {
  it('keeps a complete file under its key and nothing else, and reads it back', async () => {
    const { storage, held } = await open();
    const key = randomUUID();
    await storage.write(key, Readable.from([Buffer.from('%PDF-'), Buffer.from('1.7')]));
    expect(await held()).toEqual([key]);
    expect(await text(storage.read(key))).toBe('%PDF-1.7');
  });

  it('streams a file of several parts both ways, byte for byte', async () => {
    const { storage, held } = await open();
    const key = randomUUID();
    const bytes = randomBytes(2 * S3_PART_BYTES + 12345);
    // Sent in 64 kB chunks, as a request body arrives.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    await storage.write(key, Readable.from(chunks));
    expect(await held()).toEqual([key]);
    const back = Buffer.concat(await storage.read(key).toArray());
    expect(back.length).toBe(bytes.length);
    expect(back.equals(bytes)).toBe(true);
  });

  it('leaves nothing behind when the bytes stop coming halfway, however far they came', async () => {
    const { storage, held } = await open();
    for (const sent of [20, S3_PART_BYTES + 1024]) {
      const cutOff = new Readable({ read: () => undefined }); // the test pushes the bytes itself
      cutOff.push(randomBytes(sent));
      setTimeout(() => cutOff.destroy(new Error('aborted')), 50);
      await expect(storage.write(randomUUID(), cutOff)).rejects.toThrow('aborted');
      expect(await held()).toEqual([]);
      expect(await listed(storage)).toEqual([]);
    }
  });

  it('reads a file by range, for a zip read from its directory at the end', async () => {
    const { storage } = await open();
    const key = randomUUID();
    await storage.write(key, Readable.from([Buffer.from('0123456789')]));
    expect(await text(storage.read(key, { start: 2, end: 5 }))).toBe('234');
    expect(await text(storage.read(key, { start: 4, end: 4 }))).toBe('');
    expect(await text(storage.read(key, { start: 7, end: 10 }))).toBe('789');
    expect(await text(storage.read(key))).toBe('0123456789');
  });

  it('fails the stream of a file it does not hold', async () => {
    const { storage } = await open();
    await expect(text(storage.read(randomUUID()))).rejects.toThrow();
  });

  it('lists its files with when they were written, and removes them', async () => {
    const { storage, held } = await open();
    const [a, b] = [randomUUID(), randomUUID()];
    const before = Date.now() - 2000; // a store's clock may count whole seconds
    await storage.write(a, Readable.from([Buffer.from('a')]));
    await storage.write(b, Readable.from([Buffer.from('b')]));
    const entries = await listed(storage);
    expect(entries.map((e) => e.key).sort()).toEqual([a, b].sort());
    for (const entry of entries) {
      expect(entry.partial).toBe(false);
      expect(entry.modifiedAt.getTime()).toBeGreaterThan(before);
      expect(entry.modifiedAt.getTime()).toBeLessThan(Date.now() + 2000);
    }
    await storage.remove(a);
    await storage.remove(a); // removing twice is no failure (a failed upload's clean-up may run after a sweep)
    expect(await held()).toEqual([b]);
  });

  it('keeps which database its files belong to, apart from the files', async () => {
    const { storage } = await open();
    expect(await storage.owner()).toBeNull();
    await storage.claim('7357/bt_test');
    expect(await storage.owner()).toBe('7357/bt_test');
    expect(await listed(storage)).toEqual([]);
  });

  it('refuses a key that could leave its place', async () => {
    const { storage } = await open();
    expect(() => storage.read('../etc/passwd')).toThrow('Not a storage key');
    await expect(storage.write('../x', Readable.from([]))).rejects.toThrow('Not a storage key');
  });
});

describe('the local directory storage, its cut-off uploads', () => {
  it('lists a .part file as partial and removes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-storage-'));
    const storage = new LocalDirectoryStorage(dir);
    const key = randomUUID();
    writeFileSync(join(dir, `${key}.part`), 'half');
    utimesSync(join(dir, `${key}.part`), new Date(1_000_000), new Date(1_000_000));
    expect(await listed(storage)).toEqual([{ key, partial: true, modifiedAt: new Date(1_000_000) }]);
    await storage.removePartial(key);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the store the settings choose', () => {
  it('is the bucket when FILES_S3_BUCKET is set, else the directory', () => {
    expect(fileStorageFor({ filesDir: '/tmp/x', filesS3: null })).toBeInstanceOf(LocalDirectoryStorage);
    expect(fileStorageFor({ filesDir: '/tmp/x', filesS3: s3.settings() })).toBeInstanceOf(S3Storage);
  });
});
