import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A file of the build whose name carries its content's hash (main-57FYTFLA.js, media/roboto-…-LOX3CHMS.woff2). */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

/**
 * A hashed file never changes under its name, so a browser keeps it a year without asking again;
 * anything else — index.html, which names the current hashes, the favicon, the translations — is
 * revalidated on every use (a 304 when unchanged), so a new release shows at the next load.
 */
export function cacheControlOf(path: string): string {
  return HASHED_FILE.test(basename(path)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built Angular app from the API's origin: its files as they are, and index.html for
 * any other GET outside /api that asks for HTML, so deep links into the app work on reload.
 */
export class WebApp {
  private constructor(private readonly dir: string | null) {}

  static async register(fastify: FastifyInstance, dir: string): Promise<WebApp> {
    if (!existsSync(join(dir, 'index.html'))) {
      return new WebApp(null);
    }
    await fastify.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // Our own Cache-Control (below): @fastify/static's would overwrite it with max-age=0.
      cacheControl: false,
      setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControlOf(path)),
    });
    return new WebApp(dir);
  }

  get served(): boolean {
    return this.dir !== null;
  }

  serveIndex(request: FastifyRequest, reply: FastifyReply): boolean {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && (request.headers.accept ?? '').includes('text/html');
    if (!this.dir || !wantsPage) {
      return false;
    }
    void reply.header('Cache-Control', 'no-cache').type('text/html').sendFile('index.html', this.dir);
    return true;
  }
}
