import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApi, type TestApi } from './testing/test-api';

// A first visit downloads little: text answers (the web app's files and the API's JSON) are
// compressed as the client accepts, hashed files are cached for a year without revalidation, and
// index.html — which names the current hashes — is revalidated on every load, so a release shows.
let api: TestApi;
let webDir: string;
const SCRIPT = `export const texts = [${Array.from({ length: 400 }, (_, i) => `'benchmark ${i}'`).join(', ')}];\n`;
const INDEX = '<!doctype html><html lang="en"><head><title>Benchmark Tracker</title></head><body><bt-root></bt-root></body></html>';

beforeAll(async () => {
  // A built web app in miniature: what the API serves does not depend on the files' contents.
  webDir = mkdtempSync(join(tmpdir(), 'bt-first-load-'));
  writeFileSync(join(webDir, 'index.html'), INDEX);
  writeFileSync(join(webDir, 'main-57FYTFLA.js'), SCRIPT);
  writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  mkdirSync(join(webDir, 'i18n'));
  writeFileSync(join(webDir, 'i18n', 'messages.sr-Latn.json'), JSON.stringify({ translations: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`id.${i}`, `Tekst ${i}`])) }));
  api = await startTestApi({ WEB_DIR: webDir });
});

afterAll(async () => {
  await api?.close();
  rmSync(webDir, { recursive: true, force: true });
});

/** A GET as a browser sends it, with the raw bytes of the answer (node:http does not decompress). */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${api.baseUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compression', () => {
  it('sends a script Brotli-compressed to a client that accepts br and gzip', async () => {
    const res = await get('/main-57FYTFLA.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.length).toBeLessThan(SCRIPT.length / 3);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('sends it gzip-compressed to a client that accepts only gzip, and as it is to one that accepts neither', async () => {
    const gzip = await get('/main-57FYTFLA.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get('/main-57FYTFLA.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it("compresses the API's JSON answers", async () => {
    const res = await get('/api/benchmarks?country=RS&chapter=24', { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const list = JSON.parse(brotliDecompressSync(res.body).toString()) as { items: unknown[] };
    expect(list.items.length).toBeGreaterThan(10);
    const gzip = await get('/api/benchmarks?country=RS&chapter=24', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(list);
  });

  it('compresses the translations the app loads', async () => {
    const translations = await get('/i18n/messages.sr-Latn.json', { 'accept-encoding': 'gzip' });
    expect(translations.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(translations.body).toString())).toHaveProperty(['translations', 'id.7'], 'Tekst 7');
  });
});

describe('caching', () => {
  it('lets a browser keep a hashed file for a year without asking again', async () => {
    for (const encoding of ['br', '']) {
      const res = await get('/main-57FYTFLA.js', encoding ? { 'accept-encoding': encoding } : {});
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('has index.html revalidated on every load, as the app and as any deep link into it', async () => {
    for (const path of ['/', '/index.html', '/overview', '/benchmarks/RS-24-POL-02']) {
      const res = await get(path, { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    }
  });

  it('revalidates files without a hash in their name (the favicon, the translations)', async () => {
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
    expect((await get('/i18n/messages.sr-Latn.json')).headers['cache-control']).toBe('no-cache');
  });
});
