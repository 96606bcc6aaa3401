import fastifyHelmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { configureSecurityHeaders, SECURITY_HEADER_OPTIONS } from './security-headers';

/** The headers an answer of this app carries, but the date and the body's own. */
async function headersOf(app: FastifyInstance, https = false): Promise<Record<string, unknown>> {
  app.get('/x', async () => ({ ok: true }));
  const res = await app.inject({ method: 'GET', url: '/x', headers: https ? { 'x-forwarded-proto': 'https' } : {} });
  await app.close();
  const { date: _date, 'content-length': _length, 'content-type': _type, connection: _connection, ...rest } = res.headers;
  return rest;
}

describe('configureSecurityHeaders', () => {
  it('sets exactly the headers @fastify/helmet sets with the same options, on every answer', async () => {
    const plugin = Fastify();
    await plugin.register(fastifyHelmet, SECURITY_HEADER_OPTIONS);
    const expected = await headersOf(plugin);
    const ours = Fastify();
    await configureSecurityHeaders(ours);
    const actual = await headersOf(ours);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(10);
    expect(actual).toEqual(expected);
    expect(actual['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('adds HSTS over TLS only', async () => {
    const app = Fastify({ trustProxy: true });
    await configureSecurityHeaders(app);
    expect((await headersOf(app, true))['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
