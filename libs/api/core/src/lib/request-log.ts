import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { ConfigError } from './app-config';

export const REQUEST_ID_HEADER = 'x-request-id';
/** What a proxy or a client may send as its own request id (a UUID, a trace id…): anything else is replaced. */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const LEVELS: readonly (Level | 'silent')[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LogSettings {
  /** LOG_LEVEL: `info` by default; `silent` in the tests. */
  level: Level | 'silent';
  /** LOG_FORMAT: one JSON object a line (`json`, the default in production), or a line for people to read (`pretty`). */
  format: 'json' | 'pretty';
  /** Where the lines go: standard output unless a test captures them. */
  destination?: DestinationStream;
}

export function readLogSettings(env: NodeJS.ProcessEnv = process.env): LogSettings {
  const level = (env['LOG_LEVEL'] || 'info') as LogSettings['level'];
  if (!LEVELS.includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env['LOG_LEVEL']}"`);
  const format = env['LOG_FORMAT'] || (env['NODE_ENV'] === 'production' ? 'json' : 'pretty');
  if (format !== 'json' && format !== 'pretty') throw new ConfigError(`LOG_FORMAT must be json or pretty, got "${env['LOG_FORMAT']}"`);
  return { level, format };
}

/** The request's id: the caller's (a proxy's) X-Request-Id when it is well-formed, else a new UUID. Fastify's genReqId. */
export function requestIdOf(request: { headers: IncomingHttpHeaders }): string {
  const sent = request.headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && WELL_FORMED_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** The API's one logger (pino): the request lines and everything Nest and the domains log. */
export function createLogger(settings: LogSettings): Logger {
  const options = { level: settings.level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime };
  return pino(options, settings.destination ?? (settings.format === 'pretty' ? prettyDestination() : pino.destination({ sync: true })));
}

/**
 * Nest's logger is the same pino (nestjs-pino's Logger). Its per-request middleware is not applied
 * (`forRoutes: []`): it made a child logger for every request (pino-http, about 0.1 ms) and ran the
 * rest of the request in an AsyncLocalStorage, which switches on Node's promise hooks for every
 * promise of the process — together about a fifth of the API's CPU per workflow transition
 * (issue 20). A line about a request names its id itself: the request line, and a 500's stack
 * (ApiExceptionFilter). Only the id is logged: the request itself (its headers, cookies, body) never.
 */
export function loggerModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: { logger }, forRoutes: [] });
}

/**
 * One line per answered request — its id, method, route (the pattern, `/api/benchmarks/:code`: a
 * path or query may carry what people wrote or an e-mail address), status, duration and the signed-in
 * user's id — and the id back to the caller in `X-Request-Id`. Nothing else: no cookies, no
 * authorization header, no bodies, no addresses.
 */
export function configureRequestLog(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const line = {
      requestId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? null,
      status,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      // The access guard (identity) puts the session's viewer on the request.
      userId: (request as { sessionViewer?: { userId?: string } | null }).sessionViewer?.userId ?? null,
    };
    logger[status >= 500 ? 'error' : 'info'](line, 'request');
    done();
  });
}

/** LOG_FORMAT=pretty without another dependency: `12:03:04 INFO [context] message key=value …`. */
function prettyDestination(): DestinationStream {
  const names: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
  return {
    write(line: string) {
      const { time, level, msg, context, pid: _pid, err, ...rest } = JSON.parse(line) as Record<string, unknown>;
      const fields = Object.entries(rest).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
      const stack = (err as { stack?: string } | undefined)?.stack;
      const text = `${String(time).slice(11, 19)} ${names[level as number] ?? level} ${context ? `[${String(context)}] ` : ''}${String(msg ?? '')}${fields.length ? ` ${fields.join(' ')}` : ''}${stack ? `\n${stack}` : ''}\n`;
      (Number(level) >= 50 ? process.stderr : process.stdout).write(text);
    },
  };
}
