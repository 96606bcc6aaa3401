import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// A chunk the build has compressed beforehand (tools/web/precompress.mjs), and main.js, which it has not.
const CHUNK = `export const areas = [${Array.from({ length: 300 }, (_, i) => `{ code: 'A${i}', title: 'Area ${i % 7}' }`).join(', ')}];\n`;
const SCRIPT = `export const texts = [${Array.from({ length: 400 }, (_, i) => `'benchmark ${i}'`).join(', ')}];\n`;
const INDEX = '<!doctype html><html lang="en"><head><title>Benchmark Tracker</title></head><body><bt-root></bt-root></body></html>';

// What tools/i18n/first-screen.mjs writes, in miniature: the Serbian heading puts its placeholders in another order.
const FIRST_SCREEN = {
  pages: {
    '/': { page: 'home', heading: { id: 'home.heading', values: [{ id: 'country.RS' }, '24'] }, intro: { id: 'home.intro', values: [{ id: 'country.RS' }] } },
    '/overview': { page: 'overview', heading: { id: 'overview.heading', values: ['24'] }, intro: { id: 'overview.intro', values: [] } },
  },
  messages: {
    en: {
      'home.heading': '{$INTERPOLATION} — Chapter {$INTERPOLATION_1}',
      'home.intro': " Where {$INTERPOLATION}'s ministries <and> civil society work. ",
      'country.RS': 'Serbia',
      'overview.heading': 'Chapter {$INTERPOLATION} overview',
      'overview.intro': 'Every benchmark.',
    },
    'sr-Latn': {
      'home.heading': 'Poglavlje {$INTERPOLATION_1}: {$INTERPOLATION}',
      'home.intro': ' Ovde rade ministarstva ({$INTERPOLATION}). ',
      'country.RS': 'Srbija',
      'overview.heading': 'Pregled poglavlja {$INTERPOLATION}',
      'overview.intro': 'Sva merila.',
    },
  },
};

beforeAll(async () => {
  // A built web app in miniature: what the API serves does not depend on the files' contents.
  webDir = mkdtempSync(join(tmpdir(), 'bt-first-load-'));
  writeFileSync(join(webDir, 'chunk-PC7Q2XKD.js'), CHUNK);
  execFileSync(process.execPath, [join(__dirname, '../../../tools/web/precompress.mjs'), webDir]);
  writeFileSync(join(webDir, 'index.html'), INDEX);
  writeFileSync(join(webDir, 'main-57FYTFLA.js'), SCRIPT);
  writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  mkdirSync(join(webDir, 'i18n'));
  writeFileSync(
    join(webDir, 'i18n', 'messages.sr-Latn.json'),
    JSON.stringify({ translations: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`id.${i}`, `Tekst ${i}`])) }),
  );
  writeFileSync(join(webDir, 'i18n', 'first-screen.json'), JSON.stringify(FIRST_SCREEN));
  mkdirSync(join(webDir, 'media'));
  for (const font of ['roboto-latin-400-normal-LOX3CHMS.woff2', 'roboto-cyrillic-400-normal-V3H5IIDP.woff2', 'roboto-latin-500-normal-AAAAAAAA.woff2'])
    writeFileSync(join(webDir, 'media', font), '');
  api = await startTestApi({ WEB_DIR: webDir });
});

afterAll(async () => {
  await api?.close();
  rmSync(webDir, { recursive: true, force: true });
});

/** A GET as a browser sends it, with the raw bytes of the answer (node:http does not decompress). */
function get(path: string, headers: Record<string, string> = {}) {
  return request('GET', path, headers);
}

/** A request of any method, as `get`. */
function request(
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${api.baseUrl}${path}`, { method, headers }, (res) => {
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

  it("sends the build's own Brotli and gzip copies of a file as they are, and says the answer varies with what the browser accepts", async () => {
    const br = await get('/chunk-PC7Q2XKD.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.equals(readFileSync(join(webDir, 'chunk-PC7Q2XKD.js.br')))).toBe(true);
    expect(brotliDecompressSync(br.body).toString()).toBe(CHUNK);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await get('/chunk-PC7Q2XKD.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.equals(readFileSync(join(webDir, 'chunk-PC7Q2XKD.js.gz')))).toBe(true);
    const plain = await get('/chunk-PC7Q2XKD.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(CHUNK);
    for (const res of [br, gzip, plain]) expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    // The copies are not files of their own.
    expect((await get('/chunk-PC7Q2XKD.js.br')).status).toBe(404);
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

  it('answers the root with the app whatever the client accepts (a monitor, curl), and other paths as before', async () => {
    const asked: Record<string, string>[] = [{}, { accept: '*/*' }, { accept: 'application/json' }];
    for (const headers of asked) {
      const res = await get('/', headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect((await get('/?lang=sr-Latn', headers)).status).toBe(200);
    }
    const head = await request('HEAD', '/', {});
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
    expect(head.body.length).toBe(0);
    expect((await get('/overview', { accept: '*/*' })).status).toBe(404);
    expect((await get('/api', { accept: '*/*' })).status).toBe(404);
  });

  it("sets no cookie with the app's files (a shared cache would keep it for everyone), but with its pages and the API", async () => {
    for (const path of ['/main-57FYTFLA.js', '/chunk-PC7Q2XKD.js', '/favicon.svg', '/i18n/messages.sr-Latn.json'])
      expect((await get(path, { 'accept-encoding': 'br' })).headers['set-cookie']).toBeUndefined();
    expect(String((await get('/overview', { accept: 'text/html' })).headers['set-cookie'])).toMatch(/^XSRF-TOKEN=/);
    expect(String((await get('/api/health')).headers['set-cookie'])).toMatch(/^XSRF-TOKEN=/);
  });

  it('revalidates files without a hash in their name (the favicon, the translations)', async () => {
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
    expect((await get('/i18n/messages.sr-Latn.json')).headers['cache-control']).toBe('no-cache');
  });
});

// A first visit to `/` or the chapter overview reads the page's heading and introduction with the
// HTML, in its language, before the app's code has arrived; a signed-in browser gets index.html as it is.
describe('the first screen', () => {
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await get(path, { accept: 'text/html', ...headers });
    expect(res.status).toBe(200);
    return { html: res.body.toString(), headers: res.headers };
  };

  it("sends the home page's heading and introduction in the browser's language, Cyrillic for sr-RS", async () => {
    const { html, headers } = await page('/', { 'accept-language': 'sr-RS,sr;q=0.9,en;q=0.8' });
    expect(html).toContain('<html lang="sr-Cyrl">');
    expect(html).toContain(
      '<main class="first-screen"><div class="first-screen__page first-screen__page--home"><h1>Поглавље 24: Србија</h1><p class="first-screen__intro">Овде раде министарства (Србија).</p></div></main></bt-root>',
    );
    // Its font, asked for with the page: Roboto's Latin and Cyrillic letters of the one weight it uses.
    expect(html.match(/<link rel="preload"[^>]*>/g)).toEqual([
      '<link rel="preload" href="media/roboto-latin-400-normal-LOX3CHMS.woff2" as="font" type="font/woff2" crossorigin>',
      '<link rel="preload" href="media/roboto-cyrillic-400-normal-V3H5IIDP.woff2" as="font" type="font/woff2" crossorigin>',
    ]);
    expect(headers['vary']).toMatch(/Cookie/);
    expect(headers['vary']).toMatch(/Accept-Language/);
    expect(headers['cache-control']).toBe('no-cache');
  });

  it('follows ?lang= before the kept choice, and the kept choice before the browser, as the app does', async () => {
    expect((await page('/?lang=en', { cookie: 'bt_lang=sr-Latn', 'accept-language': 'sr' })).html).toContain(
      '<h1>Serbia — Chapter 24</h1><p class="first-screen__intro">Where Serbia\'s ministries &lt;and&gt; civil society work.</p>',
    );
    expect((await page('/overview', { cookie: 'other=1; bt_lang=sr-Latn', 'accept-language': 'en' })).html).toContain(
      '<h1>Pregled poglavlja 24</h1><p class="first-screen__intro">Sva merila.</p>',
    );
    const english = await page('/overview/', { 'accept-language': 'de-AT, de;q=0.9' });
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('first-screen__page--overview"><h1>Chapter 24 overview</h1>');
  });

  it('answers 304 when the page the browser kept is still the one it would get', async () => {
    const first = await get('/', { accept: 'text/html', 'accept-language': 'sr-Latn' });
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect((await get('/', { accept: 'text/html', 'accept-language': 'sr-Latn', 'if-none-match': etag })).status).toBe(304);
    const english = await get('/', { accept: 'text/html', 'accept-language': 'en', 'if-none-match': etag });
    expect(english.status).toBe(200);
    expect(english.headers['etag']).not.toBe(etag);
    // One variant per page and language, however the address is written.
    const overview = await get('/overview', { accept: 'text/html' });
    expect((await get('/overview///', { accept: 'text/html' })).headers['etag']).toBe(overview.headers['etag']);
  });

  it('sends no first screen to a signed-in browser, nor for pages that have none', async () => {
    for (const [path, cookie] of [
      ['/', 'bt_session=abc'],
      ['/overview', 'bt_lang=sr-Latn; bt_session=abc'],
      ['/benchmarks', ''],
      ['/overview/consideration', ''],
    ]) {
      const { html } = await page(path, cookie ? { cookie } : {});
      expect(html).toBe(INDEX);
    }
  });
});
