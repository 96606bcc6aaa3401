import { createHash } from 'node:crypto';
// Types request.cookies (the plugin itself is registered by the identity module).
import type {} from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type RefusalCode, refusal } from '@bt/contracts';

/**
 * Requests that cost the server far more than they cost the caller: a full-text search, an upload,
 * a sheet import, a generated workbook. Each such route gets a limit per caller and minute, generous
 * for a person at work and tight for a script; past it the answer is 429 with Retry-After, before
 * any work is done. Sign-in has its own throttle (login-throttle.service.ts).
 */
export type CostlyRequestKind = 'search' | 'upload' | 'import' | 'report';

/** Requests per caller per minute, for each route of the kind. */
export const COSTLY_REQUESTS_PER_MINUTE: Record<CostlyRequestKind, number> = {
  search: 120,
  upload: 30,
  import: 10,
  report: 20,
};

const WHAT: Record<CostlyRequestKind, string> = {
  search: 'searches',
  upload: 'uploads',
  import: 'imports',
  report: 'downloads of generated reports',
};

const TOO_MANY = {
  search: 'request.too-many-searches',
  upload: 'request.too-many-uploads',
  import: 'request.too-many-imports',
  report: 'request.too-many-reports',
} as const satisfies Record<CostlyRequestKind, RefusalCode>;

/** Marks a route as costly: limited per caller (their session, or their address when anonymous). */
export const CostlyRequest = (kind: CostlyRequestKind) =>
  applyDecorators(
    RouteConfig({ rateLimit: { max: COSTLY_REQUESTS_PER_MINUTE[kind], timeWindow: 60_000, groupId: kind } }),
    ApiTooManyRequestsResponse({ description: `More than ${COSTLY_REQUESTS_PER_MINUTE[kind]} ${WHAT[kind]} a minute from one caller; see Retry-After.` }),
  );

/**
 * The caller a limit counts for: a session (hashed, so no token sits in memory as a key) or else the
 * client address. The hook runs before the session is checked, so a made-up cookie gets its own
 * bucket — and then a 401 from the guard, which costs nothing.
 */
function callerOf(request: FastifyRequest, sessionCookie: string): string {
  const session = request.cookies?.[sessionCookie];
  return session ? `session:${createHash('sha256').update(session).digest('base64url')}` : `address:${request.ip}`;
}

/** Registers the limiter for routes marked @CostlyRequest(); `enabled: false` (RATE_LIMITS=false) is for benchmarks. */
export async function configureRateLimits(fastify: FastifyInstance, options: { enabled: boolean; sessionCookie: string }): Promise<void> {
  if (!options.enabled) return;
  await fastify.register(fastifyRateLimit, {
    global: false,
    keyGenerator: (request) => callerOf(request, options.sessionCookie),
    errorResponseBuilder: (request, context) => {
      const kind = (request.routeOptions.config as { rateLimit?: { groupId?: CostlyRequestKind } }).rateLimit?.groupId;
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      // Thrown by the limiter as it is; the exception filter answers it with this code, its parameters and message.
      return { statusCode: 429, error: 'Too Many Requests', ...refusal(kind ? TOO_MANY[kind] : 'request.too-many', { seconds, max: context.max }) };
    },
  });
}
