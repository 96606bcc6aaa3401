import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { asksForPage } from '@bt/api/core';
import { remember, SESSION_COOKIE } from './session.service';

export const XSRF_COOKIE = 'XSRF-TOKEN';
/** A sign-in waiting for its second factor: sent only to the sign-in routes. */
export const PENDING_SIGN_IN_COOKIE = 'bt_sign_in';
const PENDING_SIGN_IN_PATH = '/api/auth';
export const XSRF_HEADER = 'x-xsrf-token';

/**
 * Cookies for the browser: the session (httpOnly, SameSite=Lax, Secure over TLS) and Angular's
 * XSRF-TOKEN (readable by the app, so it can echo it in X-XSRF-TOKEN).
 *
 * The XSRF token is bound to the session: with a session it is an HMAC keyed by the session's own
 * secret token, so a cookie planted by another site (or a header that merely equals the cookie) is
 * refused, and every sign-in rotates it. Before sign-in it is random, issued to every visitor who
 * lacks one, and checked as a double submit (cookie = header) on the public state-changing routes
 * (sign-in), which a cross-site form cannot pass.
 */
export async function configureIdentityHttp(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      // The API and the pages only, not the web app's files: those are cached for a year, by shared
      // caches too (a proxy or CDN keeping one visitor's token for everyone), and the page that
      // loads them has set the cookie already.
      if (!request.url.startsWith('/api') && !asksForPage(request)) return done();
      const session = request.cookies[SESSION_COOKIE];
      const expected = session ? sessionXsrfToken(request, session) : undefined;
      if (expected ? request.cookies[XSRF_COOKIE] !== expected : !request.cookies[XSRF_COOKIE]) {
        // A page open across a sign-in elsewhere, or a first visit: the next request carries the right token.
        setXsrfCookie(request, reply, expected ?? randomBytes(24).toString('base64url'));
      }
      done();
    });
}

/** Each request's session XSRF token, worked out once: the hook above and the guard (hasXsrfToken) both need it. */
const xsrfTokens = new WeakMap<FastifyRequest, { session: string; token: string }>();

function sessionXsrfToken(request: FastifyRequest, session: string): string {
  const known = xsrfTokens.get(request);
  if (known?.session === session) return known.token;
  const token = xsrfTokenOf(session);
  xsrfTokens.set(request, { session, token });
  return token;
}

/**
 * The XSRF token of a session: derived from its secret token, so only its holder's pages can know it.
 * Remembered for the tokens seen lately, as their hashes are (hashToken): an HMAC per request was
 * about 2% of the API's CPU per workflow transition (issue 20).
 */
export function xsrfTokenOf(sessionToken: string): string {
  let token = xsrfTokenMemo.get(sessionToken);
  if (token === undefined) {
    token = createHmac('sha256', sessionToken).update('xsrf').digest('base64url');
    remember(xsrfTokenMemo, sessionToken, token);
  }
  return token;
}

const xsrfTokenMemo = new Map<string, string>();

/**
 * Whether a state-changing request carries the XSRF token it must: the session's when it has one,
 * else (public routes such as sign-in) the cookie's own value.
 */
export function hasXsrfToken(request: FastifyRequest): boolean {
  const header = request.headers[XSRF_HEADER];
  const session = request.cookies?.[SESSION_COOKIE];
  const expected = session ? sessionXsrfToken(request, session) : request.cookies?.[XSRF_COOKIE];
  if (!expected || typeof header !== 'string' || header.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}

/** Signs the browser in: the session cookie, and the XSRF token rotated to the new session's. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
  setXsrfCookie(request, reply, xsrfTokenOf(token));
}

/** Signs the browser out: no session, and a fresh XSRF token that owes nothing to the old one. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  setXsrfCookie(request, reply, randomBytes(24).toString('base64url'));
}

/** Holds a sign-in whose password (or single sign-on) is proven while the second factor is asked for. */
export function setPendingSignInCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(PENDING_SIGN_IN_COOKIE, token, {
    path: PENDING_SIGN_IN_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearPendingSignInCookie(reply: FastifyReply): void {
  reply.clearCookie(PENDING_SIGN_IN_COOKIE, { path: PENDING_SIGN_IN_PATH });
}

function setXsrfCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(XSRF_COOKIE, token, { path: '/', sameSite: 'lax', secure: request.protocol === 'https', httpOnly: false });
}
