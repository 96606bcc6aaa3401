// `nx build web` (after Angular's bundle): a Brotli and a gzip copy of each text file of the built web
// app, beside it (main-….js.br, main-….js.gz), at the best quality. The API sends these as they are
// (@fastify/static's preCompressed), so a visit costs the server no compressing, and the files are
// smaller than the quick compression done per answer can make them (Brotli 11 against 4).
//
//   node tools/web/precompress.mjs dist/apps/web/browser
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
// Scripts, styles, translations and icons; fonts and images are compressed already. index.html is
// composed per page and language by the API (first-screen.ts), so it is compressed as it is sent.
const TEXT = /\.(js|css|json|svg|txt)$/;
// Below this, compressing gains less than a packet (the API's on-the-fly threshold too).
const MIN_BYTES = 1024;

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/web/precompress.mjs <built web app directory>');
  process.exit(2);
}

function* files(at) {
  for (const entry of readdirSync(at, { withFileTypes: true })) {
    const path = join(at, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (TEXT.test(entry.name) && statSync(path).size >= MIN_BYTES) yield path;
  }
}

const started = Date.now();
let raw = 0;
let brotlied = 0;
// zlib's asynchronous calls run on libuv's thread pool: the files are compressed on every core.
await Promise.all(
  [...files(dir)].map(async (path) => {
    const content = readFileSync(path);
    const [br, gzipped] = await Promise.all([
      brotli(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      }),
      gz(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    // A copy no smaller than the file is not worth its header.
    if (br.length < content.length) writeFileSync(`${path}.br`, br);
    if (gzipped.length < content.length) writeFileSync(`${path}.gz`, gzipped);
    raw += content.length;
    brotlied += Math.min(br.length, content.length);
  }),
);
console.log(
  `precompress: ${relative(process.cwd(), dir) || dir}: ${(raw / 1024).toFixed(0)} kB → ${(brotlied / 1024).toFixed(0)} kB with Brotli, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
