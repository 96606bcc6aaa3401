import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { multipartRefusal } from './uploads';

/** The one error body every failing call answers with. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  /** Itemised problems, e.g. an import's per-row report: `{ row, column, message }`. */
  errors?: unknown[];
}

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
    const body = this.toBody(exception);
    // An unknown non-API path is a route of the single-page app: hand it its index.html.
    if (body.statusCode === HttpStatus.NOT_FOUND && this.webApp?.serveIndex(request, reply)) {
      return;
    }
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.url}`, exception instanceof Error ? exception.stack : String(exception));
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null) {
        const r = response as Partial<ErrorBody>;
        return { statusCode: status, error: r.error ?? statusText(status), message: r.message ?? exception.message, ...(Array.isArray(r.errors) ? { errors: r.errors } : {}) };
      }
      return { statusCode: status, error: statusText(status), message: String(response) };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      const status = code ? CLIENT_PG_ERRORS[code] : undefined;
      if (status) {
        return { statusCode: status, error: statusText(status), message: clientDatabaseMessage(status) };
      }
    }
    const refusal = multipartRefusal(exception);
    if (refusal) return { statusCode: refusal.statusCode, error: statusText(refusal.statusCode), message: refusal.message };
    const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { statusCode: fastifyStatus, error: statusText(fastifyStatus), message: (exception as Error).message };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; it has been logged.' };
  }
}

function clientDatabaseMessage(status: HttpStatus): string {
  return status === HttpStatus.BAD_REQUEST
    ? 'A value in the request is malformed.'
    : 'The request conflicts with the current data; reload and try again.';
}

function statusText(status: number): string {
  const name = HttpStatus[status];
  return name ? name.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') : 'Error';
}
