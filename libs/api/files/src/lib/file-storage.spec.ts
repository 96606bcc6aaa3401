import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDirectoryStorage } from './file-storage';

describe('the local directory storage', () => {
  it('keeps a complete file under its key and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-storage-'));
    const storage = new LocalDirectoryStorage(dir);
    const key = randomUUID();
    await storage.write(key, Readable.from([Buffer.from('%PDF-'), Buffer.from('1.7')]));
    expect(readdirSync(dir)).toEqual([key]);
    expect(readFileSync(join(dir, key), 'utf8')).toBe('%PDF-1.7');
  });

  it('leaves nothing behind when the bytes stop coming halfway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-storage-'));
    const storage = new LocalDirectoryStorage(dir);
    const cutOff = new Readable({ read: () => undefined }); // the test pushes the bytes itself
    cutOff.push(Buffer.from('%PDF-1.7 first half'));
    setImmediate(() => cutOff.destroy(new Error('aborted')));
    await expect(storage.write(randomUUID(), cutOff)).rejects.toThrow('aborted');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a file by range, for a zip read from its directory at the end', async () => {
    const storage = new LocalDirectoryStorage(mkdtempSync(join(tmpdir(), 'bt-storage-')));
    const key = randomUUID();
    await storage.write(key, Readable.from([Buffer.from('0123456789')]));
    const text = async (stream: Readable) => (await stream.toArray()).join('');
    expect(await text(storage.read(key, { start: 2, end: 5 }))).toBe('234');
    expect(await text(storage.read(key, { start: 4, end: 4 }))).toBe('');
    expect(await text(storage.read(key))).toBe('0123456789');
  });

  it('refuses a key that could leave its directory', () => {
    expect(() => new LocalDirectoryStorage('/tmp').read('../etc/passwd')).toThrow('Not a storage key');
  });
});
