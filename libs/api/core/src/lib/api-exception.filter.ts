import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { type ErrorBody, REFUSALS, type RefusalArgs, type RefusalCode, type RefusalReason, refusal } from '@bt/contracts';
import { fillIn, type ReasonParams } from '@bt/workflow';
import { multipartRefusal } from './uploads';

/** The error body (contracts' ErrorBody), without the request's id, which catch() adds. */
type Answer = Omit<ErrorBody, 'requestId'>;
export type { ErrorBody };

/** PostgreSQL error codes that mean the caller sent something wrong, not that the server broke. */
const CLIENT_PG_ERRORS: Record<string, HttpStatus> = {
  '22P02': HttpStatus.BAD_REQUEST, // invalid text representation (e.g. a malformed uuid)
  '22001': HttpStatus.BAD_REQUEST, // value too long
  '22007': HttpStatus.BAD_REQUEST, // invalid date or time format
  '22008': HttpStatus.BAD_REQUEST, // date or time out of range (e.g. 2026-02-30)
  '22021': HttpStatus.BAD_REQUEST, // a character PostgreSQL text cannot hold (NUL)
  '23505': HttpStatus.CONFLICT, // unique violation
  '23503': HttpStatus.CONFLICT, // foreign key violation
  '40001': HttpStatus.CONFLICT, // serialization failure
  '40P01': HttpStatus.CONFLICT, // deadlock detected: two writes waited for each other; one was rolled back, and may be sent again
};

/**
 * Turns every error into a clear status and message: HttpExceptions as they are, Fastify's own
 * client errors (body too large, bad JSON) with their 4xx status, a refused multipart form in
 * words (uploads.ts), client-caused database errors
 * as 400/409; anything else is a 500 whose details go to the log, never to the caller.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(private readonly webApp?: { serveIndex(request: FastifyRequest, reply: FastifyReply): boolean }) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    // Already answered, e.g. 408 to an upload that stopped arriving: the handler's failure comes after.
    if (reply.sent) return;
    const body = this.toBody(exception, request.headers?.['content-type']);
    // An unknown non-API path is a route of the single-page app: hand it its index.html.
    if (body.statusCode === HttpStatus.NOT_FOUND && this.webApp?.serveIndex(request, reply)) {
      return;
    }
    if (body.statusCode >= 500) {
      // The route's pattern, not the URL: a path or query may carry what people wrote. And the request's id, which the caller gets.
      const err = new Error(`${request.method} ${request.routeOptions?.url ?? '(no route)'}`);
      err.stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error({ requestId: request.id, err });
    }
    // The request's id, as in X-Request-Id and the log: what a caller reports, and what finds the log lines.
    const answer: ErrorBody = { ...body, requestId: request.id };
    void reply.status(body.statusCode).send(answer);
  }

  private toBody(exception: unknown, contentType: string | undefined): Answer {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Partial<Answer>;
        const message = r.message ?? exception.message;
        const errors = Array.isArray(r.errors) ? { errors: r.errors } : {};
        if (r.code) return { statusCode: status, error: statusText(status), code: r.code, params: r.params ?? {}, message, ...errors };
        // An unknown route is Nest's own 404; any other exception without a code gets a general one by status.
        const route = status === HttpStatus.NOT_FOUND ? noSuchRoute(message) : null;
        if (route) return { statusCode: status, error: statusText(status), ...route };
        return {
          statusCode: status,
          error: statusText(status),
          ...byStatus(status, Array.isArray(message) ? message.join('; ') : message),
          message,
          ...errors,
        };
      }
      // Fastify's own refusals (a body that is not JSON, too large, of another type) reach us as Nest made them: HttpException(message, status).
      const fastify = fastifyRefusal({ message: String(response) }, contentType);
      if (fastify) return { statusCode: status, error: statusText(status), ...fastify };
      return { statusCode: status, error: statusText(status), ...byStatus(status, String(response)), message: String(response) };
    }
    // A database error through TypeORM, or straight from pg (a pipelined transaction's).
    const driverError = exception instanceof QueryFailedError ? exception.driverError : isPgError(exception) ? exception : undefined;
    if (driverError) {
      const code = (driverError as { code?: string } | undefined)?.code;
      const status = code ? CLIENT_PG_ERRORS[code] : undefined;
      if (status) return body(status, status === HttpStatus.BAD_REQUEST ? 'request.malformed-value' : 'request.conflict');
    }
    const multipart = multipartRefusal(exception);
    if (multipart) return { statusCode: multipart.statusCode, error: statusText(multipart.statusCode), ...multipart.reason };
    const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Our own hooks' refusals carry their reason (body parsing, the rate limiter); Fastify's own are worded by their code.
      const reason = carriedReason(exception) ?? fastifyRefusal(exception, contentType);
      if (reason) return { statusCode: fastifyStatus, error: statusText(fastifyStatus), ...reason };
      const message = (exception as Error).message;
      return { statusCode: fastifyStatus, error: statusText(fastifyStatus), ...byStatus(fastifyStatus, message), message };
    }
    return body(500, 'server.error');
  }
}

/**
 * The reason an error thrown by one of our Fastify hooks carries: as `reason` (body parsing: code
 * and parameters, worded here), or as its own code and parameters (the rate limiter's answer).
 */
function carriedReason(exception: unknown): RefusalReason | null {
  const { reason } = exception as { reason?: unknown };
  const { code, params } = (reason ?? exception) as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !(code in REFUSALS) || typeof params !== 'object' || params === null) return null;
  return { code: code as RefusalCode, params: params as ReasonParams, message: fillIn(REFUSALS[code as RefusalCode], params as ReasonParams) };
}

/** Fastify's refusals of a body, by their code or (as Nest passes them on, without it) by their fixed message. */
const FASTIFY_REFUSALS: { code: string; message: string; reason: (contentType: string | undefined) => RefusalReason }[] = [
  { code: 'FST_ERR_CTP_BODY_TOO_LARGE', message: 'Request body is too large', reason: () => refusal('request.body-too-large') },
  {
    code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
    message: 'Request body size did not match Content-Length',
    reason: () => refusal('request.body-length-mismatch'),
  },
  {
    code: 'FST_ERR_CTP_EMPTY_JSON_BODY',
    message: "Body cannot be empty when content-type is set to 'application/json'",
    reason: () => refusal('request.empty-json-body'),
  },
  {
    code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    message: "Body is not valid JSON but content-type is set to 'application/json'",
    reason: () => refusal('request.malformed-json'),
  },
  {
    code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    message: 'Unsupported Media Type',
    reason: (contentType) => refusal('request.unsupported-media-type', { type: contentType?.split(';')[0].trim() || 'none' }),
  },
];

function fastifyRefusal(exception: unknown, contentType: string | undefined): RefusalReason | null {
  const { code, message } = (exception ?? {}) as { code?: unknown; message?: unknown };
  const known = FASTIFY_REFUSALS.find((r) => r.code === code || r.message === message);
  return known ? known.reason(contentType) : null;
}

/** Nest's answer to a path no route serves: "Cannot GET /api/nothing". */
function noSuchRoute(message: unknown): RefusalReason | null {
  const match = typeof message === 'string' ? /^Cannot ([A-Z]+) (.+)$/.exec(message) : null;
  return match ? refusal('request.no-such-route', { method: match[1], path: match[2] }) : null;
}

function body<C extends RefusalCode>(status: number, code: C, ...params: RefusalArgs<C>): Answer {
  const { message, params: filled } = refusal(code, ...params);
  return { statusCode: status, error: statusText(status), code, params: filled, message };
}

/** The general code for a refusal that has no particular one: the English details travel as a parameter. */
function byStatus(status: number, details: string): { code: RefusalCode; params: ReasonParams } {
  const code: RefusalCode =
    status === 400
      ? 'request.invalid'
      : status === 404
        ? 'request.not-found'
        : status === 403
          ? 'auth.forbidden'
          : status === 408
            ? 'request.timeout'
            : status === 413
              ? 'request.too-large'
              : status === 503
                ? 'server.unavailable'
                : 'request.refused';
  return { code, params: { details } };
}

/** An error PostgreSQL answered (pg's DatabaseError): it has a SQLSTATE code and a severity. */
function isPgError(error: unknown): error is { code: string; severity: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { severity?: unknown }).severity === 'string';
}

function statusText(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(' ')
    : 'Error';
}
