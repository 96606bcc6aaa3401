import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import { sanitiseFileName, storeUpload } from './uploaded-file';

/** A multipart file as @fastify/multipart hands it over: a stream that says whether it hit the limit. */
function upload(bytes: Buffer, filename: string, truncated = false): MultipartFile {
  const stream = Object.assign(Readable.from([bytes]), { truncated });
  return { file: stream, filename } as unknown as MultipartFile;
}

describe('storing an upload', () => {
  it('streams a PDF to a server-made name and reports its SHA-256 and size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-upload-'));
    const bytes = Buffer.from('%PDF-1.7\nhello');
    const stored = await storeUpload(upload(bytes, 'Report 2026.pdf'), dir);
    expect(stored).toMatchObject({ fileName: 'Report 2026.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(readdirSync(dir)).toEqual([stored.storageKey]);
    expect(readFileSync(join(dir, stored.storageKey)).equals(bytes)).toBe(true);
  });

  it('leaves nothing behind when the bytes are not a document, or the limit was hit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bt-upload-'));
    await expect(storeUpload(upload(Buffer.from('<html>'), 'x.pdf'), dir)).rejects.toThrow('Only PDF, DOCX and ODT');
    await expect(storeUpload(upload(Buffer.from('%PDF-1.7'), 'x.pdf', true), dir)).rejects.toThrow('larger than the upload limit');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps only a plain, path-free name', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\x\\<script>.pdf')).toBe('_script_.pdf');
    expect(sanitiseFileName('Izveštaj o napretku.pdf')).toBe('Izveštaj o napretku.pdf');
    expect(sanitiseFileName(undefined)).toBe('document');
  });
});
