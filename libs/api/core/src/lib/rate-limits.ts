import { createHash } from 'node:crypto';
// Types request.cookies (the plugin itself is registered by the identity module).
import type {} from '@fastify/cookie';
import fastifyRateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import { Logger, applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { DataSource } from 'typeorm';
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
 * The caller a limit counts for: a session (hashed, so no token sits in the counts' table) or else the
 * client address. The hook runs before the session is checked, so a made-up cookie gets its own
 * bucket — and then a 401 from the guard, which costs nothing.
 */
function callerOf(request: FastifyRequest, sessionCookie: string): string {
  const session = request.cookies?.[sessionCookie];
  return session ? `session:${createHash('sha256').update(session).digest('base64url')}` : `address:${request.ip}`;
}

/**
 * The counts live in PostgreSQL (request_count, an unlogged table), not in each process: every instance
 * behind a load balancer counts the same minute, so a caller gets the limit once, not once per instance.
 * One upsert per costly request: a new window starts at the first request after the last one ended.
 */
class RequestCounts implements FastifyRateLimitStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly route = '',
  ) {}

  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
    this.dataSource
      .query(
        `INSERT INTO request_count AS c (key, count, window_ends_at) VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.count + 1 END,
           window_ends_at = CASE WHEN c.window_ends_at <= now() THEN excluded.window_ends_at ELSE c.window_ends_at END
         RETURNING count, greatest(1, ceil(extract(epoch FROM window_ends_at - now()) * 1000))::int AS ttl`,
        [this.route + key, timeWindow],
      )
      .then(
        ([row]: { count: number; ttl: number }[]) => callback(null, { current: row.count, ttl: row.ttl }),
        (error: Error) => callback(error),
      );
  }

  /** Each limited route counts apart (its method and path before the caller's key), as the plugin's own stores do. */
  child(routeOptions: RouteOptions): RequestCounts {
    return new RequestCounts(this.dataSource, `${String(routeOptions.method)} ${routeOptions.url} `);
  }
}

/** How often the counts of windows that have ended are deleted (a caller who comes back starts a new one anyway). */
const SWEEP_MS = 60_000;

/** Registers the limiter for routes marked @CostlyRequest(); `enabled: false` (RATE_LIMITS=false) is for benchmarks. */
export async function configureRateLimits(
  fastify: FastifyInstance,
  options: { enabled: boolean; sessionCookie: string; dataSource: DataSource },
): Promise<void> {
  if (!options.enabled) return;
  await fastify.register(fastifyRateLimit, {
    global: false,
    // The plugin makes its store itself, with `new` and no database.
    store: class extends RequestCounts {
      constructor() {
        super(options.dataSource);
      }
    },
    // A count the database could not take lets the request through: the request itself then meets the same database.
    skipOnError: true,
    keyGenerator: (request) => callerOf(request, options.sessionCookie),
    errorResponseBuilder: (request, context) => {
      const kind = (request.routeOptions.config as { rateLimit?: { groupId?: CostlyRequestKind } }).rateLimit?.groupId;
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      // Thrown by the limiter as it is; the exception filter answers it with this code, its parameters and message.
      return { statusCode: 429, error: 'Too Many Requests', ...refusal(kind ? TOO_MANY[kind] : 'request.too-many', { seconds, max: context.max }) };
    },
  });
  const logger = new Logger('RateLimits');
  const sweep = setInterval(() => {
    options.dataSource
      .query('DELETE FROM request_count WHERE window_ends_at <= now()')
      .catch((error: unknown) => logger.warn(`could not delete the ended request counts: ${String(error)}`));
  }, SWEEP_MS);
  sweep.unref();
  fastify.addHook('onClose', async () => clearInterval(sweep));
}
