import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses every text answer — the API's JSON and the web app's files — with Brotli or gzip, as
 * the client accepts (`@fastify/compress`): the first visit's 1.7 MB of scripts, styles and JSON go
 * over the network in about a third of that. Registered before any route, since the plugin hooks
 * each route as it is added. Its defaults are kept: only compressible types (text, JSON, XML, SVG;
 * not `text/event-stream`, whose events must not wait in a compressor's buffer, nor images, fonts or
 * office files, which are compressed already), only above 1 kB, Brotli at quality 4 (fast enough to
 * compress on every answer; the best quality costs ten times the CPU for a few per cent).
 */
export async function configureCompression(fastify: FastifyInstance): Promise<void> {
  // The OpenAPI document's routes (@nestjs/swagger) call reply.send() from an async handler without
  // returning the reply, and come out empty through the compressor: they are sent as they are.
  fastify.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/docs')) request.headers['x-no-compression'] = 'true';
  });
  await fastify.register(fastifyCompress, { encodings: ['br', 'gzip'] });
}
