import { HttpException, HttpStatus } from '@nestjs/common';
import { type RefusalArgs, type RefusalCode, refusal } from '@bt/contracts';
import type { Reason } from '@bt/workflow';

/**
 * A request refused with a reason: its HTTP status, a stable code with parameters (worded in the
 * reader's language by the web app) and the English message. The one way services refuse.
 */
export class Refusal extends HttpException {
  constructor(
    status: HttpStatus,
    readonly reason: Reason,
    /** Itemised problems, e.g. an import's per-row report, each with its own code. */
    readonly errors?: unknown[],
  ) {
    super({ statusCode: status, code: reason.code, params: reason.params, message: reason.message, ...(errors ? { errors } : {}) }, status);
  }
}

const refuseWith =
  (status: HttpStatus) =>
  <C extends RefusalCode>(code: C, ...params: RefusalArgs<C>): Refusal =>
    new Refusal(status, refusal(code, ...params));

/** `throw refuse.notFound('benchmark.not-found', { ref })`: a refusal by status, code and parameters. */
export const refuse = {
  badRequest: refuseWith(HttpStatus.BAD_REQUEST),
  unauthorized: refuseWith(HttpStatus.UNAUTHORIZED),
  forbidden: refuseWith(HttpStatus.FORBIDDEN),
  notFound: refuseWith(HttpStatus.NOT_FOUND),
  conflict: refuseWith(HttpStatus.CONFLICT),
  payloadTooLarge: refuseWith(HttpStatus.PAYLOAD_TOO_LARGE),
  unsupportedMediaType: refuseWith(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  unprocessable: refuseWith(HttpStatus.UNPROCESSABLE_ENTITY),
  tooManyRequests: refuseWith(HttpStatus.TOO_MANY_REQUESTS),
  unavailable: refuseWith(HttpStatus.SERVICE_UNAVAILABLE),
};

/** A workflow event refused for an unmet condition (422): the condition's own code, the event among its parameters. */
export function unmetCondition(event: string, reason: Reason): Refusal {
  return new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, {
    code: reason.code,
    params: { ...reason.params, event },
    message: `${event} needs more first: ${reason.message}.`,
  });
}
