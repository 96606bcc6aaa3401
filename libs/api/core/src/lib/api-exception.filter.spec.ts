import type { ArgumentsHost } from '@nestjs/common';
import { BadRequestException, ConflictException, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';
import { refuse } from './refusal';

/** Runs the filter on one error and returns what it answered. */
function answer(exception: unknown, webApp?: { serveIndex: () => boolean }, alreadySent = false, contentType?: string) {
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    sent: alreadySent,
    status(code: number) {
      sent.status = code;
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ method: 'GET', url: '/api/x', headers: { 'content-type': contentType } }) }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter(webApp).catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('answers a refusal with its status, code, parameters and English message', () => {
    expect(answer(refuse.conflict('benchmark.changed-meanwhile', { current: 3, sent: 2 }))).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        code: 'benchmark.changed-meanwhile',
        params: { current: 3, sent: 2 },
        message: 'The benchmark changed meanwhile (version 3, not 2): reload and try again.',
      },
    });
  });

  it("gives Nest's own exceptions a general code by status, their message as its details", () => {
    expect(answer(new ConflictException('stale version'))).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', code: 'request.refused', params: { details: 'stale version' }, message: 'stale version' },
    });
    expect(answer(new BadRequestException(['title must be a string', 'page must not be less than 1']))).toMatchObject({
      status: 400,
      body: { code: 'request.invalid', params: { details: 'title must be a string; page must not be less than 1' } },
    });
  });

  it("answers Fastify's own client errors with their 4xx status, by their code", () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(answer(tooLarge)).toMatchObject({
      status: 413,
      body: { statusCode: 413, code: 'request.body-too-large', params: {}, message: 'Request body is too large' },
    });
    // As Nest passes them on: HttpException(message, status), the code left behind.
    expect(answer(new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400))).toMatchObject({
      status: 400,
      body: { code: 'request.malformed-json', params: {} },
    });
    expect(answer(new HttpException('Unsupported Media Type', 415), undefined, false, 'text/plain; charset=utf-8')).toMatchObject({
      status: 415,
      body: { code: 'request.unsupported-media-type', params: { type: 'text/plain' }, message: 'Unsupported Media Type: text/plain' },
    });
    const unknown = Object.assign(new Error('Something odd'), { statusCode: 400, code: 'FST_ERR_SOMETHING_NEW' });
    expect(answer(unknown)).toMatchObject({ status: 400, body: { code: 'request.invalid', params: { details: 'Something odd' } } });
  });

  it('answers an error a hook threw with its reason (body parsing, the rate limiter)', () => {
    const deep = Object.assign(new Error('deep'), {
      statusCode: 400,
      reason: { code: 'request.json-too-deep', params: { max: 32 }, message: 'The JSON body nests deeper than 32 levels.' },
    });
    expect(answer(deep)).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'request.json-too-deep',
        params: { max: 32 },
        message: 'The JSON body nests deeper than 32 levels.',
      },
    });
    const limited = {
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'request.too-many-searches',
      params: { seconds: 7, max: 120 },
      message: 'Too many searches …',
    };
    expect(answer(limited)).toMatchObject({ status: 429, body: { code: 'request.too-many-searches', params: { seconds: 7, max: 120 } } });
  });

  it('answers a path no route serves with its method and path', () => {
    expect(answer(new NotFoundException('Cannot GET /api/nothing'))).toMatchObject({
      status: 404,
      body: { code: 'request.no-such-route', params: { method: 'GET', path: '/api/nothing' }, message: 'Cannot GET /api/nothing' },
    });
  });

  it("words @fastify/multipart's refusals, and answers a form without a boundary with 400", () => {
    const fields = Object.assign(new Error('reach fields limit'), { code: 'FST_FIELDS_LIMIT', statusCode: 413 });
    expect(answer(fields)).toEqual({
      status: 413,
      body: {
        statusCode: 413,
        error: 'Payload Too Large',
        code: 'upload.too-many-fields',
        params: { fields: 10 },
        message: 'A form may carry one file and at most 10 other fields.',
      },
    });
    expect(answer(new Error('Multipart: Boundary not found'))).toMatchObject({
      status: 400,
      body: {
        code: 'upload.malformed-form',
        params: { details: 'Multipart: Boundary not found' },
        message: 'The body is not a well-formed multipart form: Multipart: Boundary not found.',
      },
    });
  });

  it('sends nothing when the answer already went out (a stalled upload answered 408)', () => {
    expect(answer(new ConflictException('late'), undefined, true)).toEqual({});
  });

  it('turns client-caused database errors into 400 and 409, not 500', () => {
    const pg = (code: string) => new QueryFailedError('SELECT', [], Object.assign(new Error('x'), { code }));
    expect(answer(pg('22P02'))).toMatchObject({ status: 400, body: { code: 'request.malformed-value' } });
    expect(answer(pg('23505'))).toMatchObject({ status: 409, body: { code: 'request.conflict' } });
    // The same errors straight from pg (a pipelined transaction's), not wrapped by TypeORM.
    const direct = (code: string) => Object.assign(new Error('duplicate key'), { code, severity: 'ERROR' });
    expect(answer(direct('23505'))).toMatchObject({ status: 409, body: { code: 'request.conflict' } });
    expect(answer(direct('40001'))).toMatchObject({ status: 409, body: { code: 'request.conflict' } });
    expect(answer(direct('40P01'))).toMatchObject({ status: 409, body: { code: 'request.conflict' } });
    expect(answer(direct('XX000')).status).toBe(500);
  });

  it('hides the details of an unexpected error', () => {
    expect(answer(new Error('password=secret'))).toEqual({
      status: 500,
      body: {
        statusCode: 500,
        error: 'Internal Server Error',
        code: 'server.error',
        params: {},
        message: 'Something went wrong on our side; it has been logged.',
      },
    });
  });

  it("logs an unexpected error with the request's id, its route's pattern and the stack", () => {
    const logged: unknown[][] = [];
    Logger.overrideLogger({ log: () => undefined, warn: () => undefined, error: (...args: unknown[]) => void logged.push(args) });
    try {
      const host = {
        switchToHttp: () => ({
          getResponse: () => ({ sent: false, status: () => ({ send: () => undefined }) }),
          getRequest: () => ({
            id: 'req-500',
            method: 'POST',
            url: '/api/benchmarks/x/transitions',
            routeOptions: { url: '/api/benchmarks/:id/transitions' },
            headers: {},
          }),
        }),
      } as unknown as ArgumentsHost;
      new ApiExceptionFilter().catch(new Error('the disk is full'), host);
    } finally {
      Logger.overrideLogger(false);
    }
    expect(logged).toHaveLength(1);
    const entry = logged[0][0] as { requestId: string; err: Error };
    expect(logged[0].at(-1)).toBe('ApiExceptionFilter'); // Nest's context, last
    expect(entry.requestId).toBe('req-500');
    expect(entry.err.message).toBe('POST /api/benchmarks/:id/transitions');
    expect(entry.err.stack).toContain('the disk is full');
  });

  it('lets the web app answer a 404 with its page when it wants to', () => {
    expect(answer(new NotFoundException(), { serveIndex: () => true })).toEqual({});
    expect(answer(new NotFoundException(), { serveIndex: () => false }).status).toBe(404);
  });
});
