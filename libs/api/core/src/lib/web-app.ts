import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

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
      setHeaders: (res, path) => {
        // Hashed bundles never change; index.html must always be revalidated.
        res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
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
