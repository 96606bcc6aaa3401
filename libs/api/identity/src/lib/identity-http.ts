import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './session.service';

export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

/**
 * Cookies for the browser: the session (httpOnly, SameSite=Lax, Secure over TLS) and Angular's
 * XSRF-TOKEN (readable by the app, so it can echo it), issued to every visitor who lacks one.
 */
export async function configureIdentityHttp(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.cookies[XSRF_COOKIE]) {
        const token = randomBytes(24).toString('base64url');
        request.cookies[XSRF_COOKIE] = token;
        reply.setCookie(XSRF_COOKIE, token, { path: '/', sameSite: 'lax', secure: request.protocol === 'https', httpOnly: false });
      }
    });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
