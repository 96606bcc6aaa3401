import { ParseUUIDPipe, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { type Refusal, refuse } from './refusal';

/**
 * Unknown parameters are refused, known ones converted to their declared types. A refusal names
 * the fields (`request.invalid-fields`, `{ fields, details }`): the web app words it in the
 * reader's language; class-validator's English details travel as a parameter and in `message`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: invalidFields,
  });
}

/** A path parameter that must be a uuid: anything else is a 400 with the code `request.not-a-uuid`. */
export function uuidParam(): ParseUUIDPipe {
  return new ParseUUIDPipe({ errorHttpStatusCode: 400, exceptionFactory: () => refuse.badRequest('request.not-a-uuid') });
}

/** The 400 for class-validator's findings: the fields by their path (links.0.url), and every message. */
export function invalidFields(errors: ValidationError[]): Refusal {
  const problems = flatten(errors);
  const fields = [...new Set(problems.map((p) => p.field))].join(', ');
  const details = problems.flatMap((p) => p.messages).join('; ');
  return refuse.badRequest('request.invalid-fields', { fields, details });
}

/** Nested objects' problems with their path, as Nest's own pipe words them ("links.0.url must be a URL address"). */
function flatten(errors: ValidationError[], parent?: string): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {}).map((message) => (parent ? `${parent}.${message}` : message));
    return [...(messages.length ? [{ field, messages }] : []), ...flatten(error.children ?? [], field)];
  });
}
