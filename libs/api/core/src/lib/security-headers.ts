import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The browser's own defences, on every answer (helmet): a Content-Security-Policy that runs only this
 * origin's scripts (no inline script: the web app's build has none), shows images only from here
 * (a Markdown image on another host — a tracking pixel — is not loaded), and forbids framing
 * (clickjacking); no Referer to other sites; nosniff everywhere; HSTS only over TLS, where it means
 * something. Styles may be inline: Angular and Material set them at run time.
 */
export const SECURITY_HEADER_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
  strictTransportSecurity: false,
  // The app opens no cross-origin windows, and its files are served to this origin only.
  crossOriginEmbedderPolicy: false,
};

/**
 * The headers are the same on every answer, so they are worked out once, by helmet itself, and each
 * answer gets them in one hook. @fastify/helmet built helmet's middleware afresh for every request
 * (parsing the policy's directives each time) in two hooks, one of them async: about 2% of the
 * API's CPU per workflow transition (issue 20).
 */
export async function configureSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  const headers = await helmetHeaders(SECURITY_HEADER_OPTIONS);
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value); // as helmet sets them
    if (request.protocol === 'https') void reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    done();
  });
}

/**
 * The headers @fastify/helmet sets on an answer with these options, as it sets them (on the raw
 * response): its onRequest hooks run once against a response that only records them.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<[string, string | number | readonly string[]][]> {
  const hooks: ((request: unknown, reply: unknown, done: (error?: unknown) => void) => unknown)[] = [];
  const recorder = {
    hasReplyDecorator: () => true,
    decorateReply: () => undefined,
    addHook: (name: string, hook: (typeof hooks)[number]) => void (name === 'onRequest' && hooks.push(hook)),
  };
  await (fastifyHelmet as unknown as (instance: typeof recorder, options: FastifyHelmetOptions) => Promise<void>)(recorder, options);
  const headers = new Map<string, [string, string | number | readonly string[]]>();
  const raw = {
    setHeader: (name: string, value: string | number | readonly string[]) => void headers.set(name.toLowerCase(), [name, value]),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
  const request = { routeOptions: { config: {} }, raw: {} };
  const reply = { raw };
  for (const hook of hooks) {
    await new Promise<void>((resolve, reject) => {
      const done = (error?: unknown) => (error ? reject(error) : resolve());
      const result = hook(request, reply, done);
      if (result instanceof Promise) result.then(() => resolve(), reject);
    });
  }
  if (!headers.size) throw new Error('@fastify/helmet set no header: has its plugin changed?');
  return [...headers.values()];
}
