import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { chooseLanguage, languagesOfHeader } from '@bt/i18n';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FirstScreens } from './first-screen';

/** A file of the build whose name carries its content's hash (main-57FYTFLA.js, media/roboto-…-LOX3CHMS.woff2). */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

/**
 * A hashed file never changes under its name, so a browser keeps it a year without asking again;
 * anything else — index.html, which names the current hashes, the favicon, the translations — is
 * revalidated on every use (a 304 when unchanged), so a new release shows at the next load.
 */
export function cacheControlOf(path: string): string {
  // A compressed copy (main-57FYTFLA.js.br) is sent for the file it copies.
  return HASHED_FILE.test(basename(path).replace(/\.(br|gz)$/, '')) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * A browser loading a page of the app (answered with index.html), not a call of the API nor one of the
 * app's files; HEAD as GET. The site's root is a page whatever the client accepts: a monitor or `curl`
 * asking for `/` without naming HTML gets the app, not the API's 404.
 */
export function asksForPage(request: FastifyRequest): boolean {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.url.startsWith('/api')) return false;
  return (request.headers.accept ?? '').includes('text/html') || request.url === '/' || request.url.startsWith('/?');
}

/**
 * Serves the built Angular app from the API's origin: its files as they are, and index.html for
 * any other GET outside /api that asks for HTML, so deep links into the app work on reload. A
 * visitor who is not signed in gets the first screen of `/` and the chapter overview with it, in
 * their language (first-screen.ts); `sessionCookie` names the cookie of a signed-in browser.
 */
export class WebApp {
  /** Each variant of index.html (as it is, or a page's first screen in a language: a handful), composed once with its ETag. */
  private readonly variants = new Map<string, { page: string; etag: string }>();

  private constructor(private readonly index: { html: string; firstScreens: FirstScreens | null; sessionCookie: string } | null) {}

  /** Whether `dir` holds a built web app (else the API serves the API alone). */
  static isBuilt(dir: string): boolean {
    return existsSync(join(dir, 'index.html'));
  }

  static async register(fastify: FastifyInstance, dir: string, { sessionCookie }: { sessionCookie: string }): Promise<WebApp> {
    if (!WebApp.isBuilt(dir)) {
      return new WebApp(null);
    }
    await fastify.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      wildcard: false,
      // `/` is a page like any other (serveIndex), with its first screen.
      index: false,
      // Our own Cache-Control (below): @fastify/static's would overwrite it with max-age=0.
      cacheControl: false,
      // The build's Brotli and gzip copies (tools/web/precompress.mjs) as the browser accepts them; a
      // file without one is compressed as it is sent (compression.ts). The copies are no routes of
      // their own (one route per file is made at start: three times the routes for nothing).
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', cacheControlOf(path));
        // A file may be sent compressed or not, as the browser asks (preCompressed does not say so itself).
        res.setHeader('Vary', 'Accept-Encoding');
      },
    });
    // Read once: a build is replaced by a restart, never under a running server.
    return new WebApp({ html: readFileSync(join(dir, 'index.html'), 'utf8'), firstScreens: FirstScreens.read(dir), sessionCookie });
  }

  get served(): boolean {
    return this.index !== null;
  }

  serveIndex(request: FastifyRequest, reply: FastifyReply): boolean {
    if (!this.index || !asksForPage(request)) {
      return false;
    }
    const { page, etag } = this.pageFor(request);
    // Revalidated on every load: unchanged, a 304 without the page.
    void reply.header('Cache-Control', 'no-cache').header('Vary', 'Cookie, Accept-Language').header('ETag', etag);
    if (request.headers['if-none-match'] === etag) void reply.code(304).send();
    else void reply.type('text/html').send(page);
    return true;
  }

  /** index.html, with the page's first screen in the visitor's language when it has one and nobody is signed in. */
  private pageFor(request: FastifyRequest): { page: string; etag: string } {
    const { html, firstScreens, sessionCookie } = this.index as NonNullable<WebApp['index']>;
    const cookies = request.headers.cookie ?? '';
    if (!firstScreens || cookies.split(';').some((cookie) => cookie.trim().startsWith(`${sessionCookie}=`))) return this.variant('', () => html);
    const [path, search = ''] = request.url.split('?', 2);
    const language = chooseLanguage(search, cookies, languagesOfHeader(request.headers['accept-language']));
    const page = path.length > 1 ? path.replace(/\/+$/, '') : path;
    const screen = firstScreens.of(page, language);
    if (!screen) return this.variant('', () => html);
    // Keyed by the page it is (`/overview/` is `/overview`), so the variants stay a handful.
    return this.variant(`${language} ${page}`, () =>
      html
        .replace('<html lang="en">', `<html lang="${language}">`)
        .replace('</head>', `${firstScreens.head(language)}</head>`)
        .replace('</bt-root>', `${screen}</bt-root>`),
    );
  }

  private variant(key: string, compose: () => string): { page: string; etag: string } {
    let found = this.variants.get(key);
    if (!found) {
      const page = compose();
      found = { page, etag: `"${createHash('sha256').update(page).digest('base64url').slice(0, 27)}"` };
      this.variants.set(key, found);
    }
    return found;
  }
}
