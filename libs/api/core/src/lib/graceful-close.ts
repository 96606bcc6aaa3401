import type { FastifyInstance } from 'fastify';
import { refuse } from './refusal';

interface Requests {
  inFlight: number;
  closing: boolean;
  settled: (() => void)[];
}

const requestsOf = new WeakMap<FastifyInstance, Requests>();

/**
 * Counts the requests in flight, so that a stop can wait for them (drain): Fastify's close() resolved
 * with requests still running, and Nest then ended the database pool under them (each answered 500,
 * or not at all). Once closing, a new request on a kept-alive connection is answered 503 with
 * `Connection: close`, so the client retries elsewhere or later.
 */
export function configureGracefulClose(fastify: FastifyInstance): void {
  const requests: Requests = { inFlight: 0, closing: false, settled: [] };
  requestsOf.set(fastify, requests);
  fastify.addHook('onRequest', (request, reply, done) => {
    if (requests.closing) {
      void reply.header('Connection', 'close');
      done(refuse.unavailable('server.unavailable', { details: 'the server is stopping; try again in a moment' }));
      return;
    }
    // An event stream (EventSource asks for text/event-stream) never ends by itself: its module ends it when the app closes.
    if (request.headers.accept === 'text/event-stream') {
      done();
      return;
    }
    requests.inFlight++;
    // 'close' comes once per answer, sent or cut off.
    reply.raw.once('close', () => {
      requests.inFlight--;
      if (requests.inFlight === 0) for (const settled of requests.settled.splice(0)) settled();
    });
    done();
  });
}

/**
 * Stops accepting connections, closes the idle kept-alive ones, and waits until every request in
 * flight is answered — at most `graceMs`, after which their connections are closed. Then the app
 * may close its modules and the database pool.
 */
export async function drain(fastify: FastifyInstance, graceMs: number): Promise<{ cutOff: number }> {
  const requests = requestsOf.get(fastify);
  if (!requests) throw new Error('configureGracefulClose was not called on this instance');
  requests.closing = true;
  const server = fastify.server;
  server.close();
  server.closeIdleConnections();
  // A connection idle between two requests is closed as soon as its answer has gone.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  try {
    if (requests.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => requests.settled.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timer);
    }
    const cutOff = requests.inFlight;
    server.closeAllConnections();
    return { cutOff };
  } finally {
    clearInterval(idle);
  }
}
