import type { ArgumentsHost } from '@nestjs/common';
import { ConflictException, Logger, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';

/** Runs the filter on one error and returns what it answered. */
function answer(exception: unknown, webApp?: { serveIndex: () => boolean }) {
  const sent: { status?: number; body?: unknown } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    send(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ method: 'GET', url: '/api/x' }) }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter(webApp).catch(exception, host);
  return sent;
}

describe('ApiExceptionFilter', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('keeps an HttpException status and message', () => {
    expect(answer(new ConflictException('stale version'))).toEqual({
      status: 409,
      body: { statusCode: 409, error: 'Conflict', message: 'stale version' },
    });
  });

  it("answers Fastify's own client errors with their 4xx status", () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(answer(tooLarge)).toMatchObject({ status: 413, body: { statusCode: 413, message: 'Request body is too large' } });
  });

  it('turns client-caused database errors into 400 and 409, not 500', () => {
    const pg = (code: string) => new QueryFailedError('SELECT', [], Object.assign(new Error('x'), { code }));
    expect(answer(pg('22P02')).status).toBe(400);
    expect(answer(pg('23505')).status).toBe(409);
  });

  it('hides the details of an unexpected error', () => {
    expect(answer(new Error('password=secret'))).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; it has been logged.' },
    });
  });

  it('lets the web app answer a 404 with its page when it wants to', () => {
    expect(answer(new NotFoundException(), { serveIndex: () => true })).toEqual({});
    expect(answer(new NotFoundException(), { serveIndex: () => false }).status).toBe(404);
  });
});
