import { type ArgumentMetadata, HttpStatus, ParseUUIDPipe, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import type { FieldRefusal } from '@bt/contracts';
import type { ValidationError } from 'class-validator';
import { Refusal, refuse } from './refusal';

/**
 * Unknown parameters are refused, known ones converted to their declared types. A refusal names
 * the fields (`request.invalid-fields`, `{ fields, details }`): the web app words it in the
 * reader's language; class-validator's English details travel as a parameter and in `message`.
 * A request class's quick check comes first where it has one (QuicklyChecked).
 */
export function createValidationPipe(): ValidationPipe {
  return new QuickValidationPipe(VALIDATION_OPTIONS);
}

export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  exceptionFactory: invalidFields,
};

/**
 * A request class may check its commonest bodies itself, cheaper than class-validator: `quickCheck`
 * answers the instance when the body is plainly valid by the class's decorators (a subset of what
 * they accept, never more), else undefined, and the body is validated in full like any other.
 */
export interface QuicklyChecked {
  quickCheck(value: unknown): object | undefined;
}

class QuickValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      const quick = (metadata.metatype as Partial<QuicklyChecked> | undefined)?.quickCheck?.(value);
      if (quick !== undefined) return quick;
    }
    return super.transform(value, metadata);
  }
}

/** A path parameter that must be a uuid: anything else is a 400 with the code `request.not-a-uuid`. */
export function uuidParam(): ParseUUIDPipe {
  return new ParseUUIDPipe({ errorHttpStatusCode: 400, exceptionFactory: () => refuse.badRequest('request.not-a-uuid') });
}

/** The 400 for class-validator's findings: the fields by their path (links.0.url), and every message. */
export function invalidFields(errors: ValidationError[]): Refusal {
  const own = ownRefusal(errors);
  if (own) return own;
  const problems = flatten(errors);
  const fields = [...new Set(problems.map((p) => p.field))].join(', ');
  const details = problems.flatMap((p) => p.messages).join('; ');
  return refuse.badRequest('request.invalid-fields', { fields, details });
}

/** The one field in error, when its constraint words its own refusal (FieldRefusal in @bt/contracts). */
function ownRefusal(errors: ValidationError[]): Refusal | undefined {
  if (errors.length !== 1 || errors[0].children?.length) return undefined;
  const [error] = errors;
  const failed = Object.keys(error.constraints ?? {});
  if (failed.length !== 1) return undefined;
  const context = error.contexts?.[failed[0]] as Partial<FieldRefusal> | undefined;
  const reason = context?.refusal?.(error.value);
  return reason ? new Refusal(HttpStatus.BAD_REQUEST, reason) : undefined;
}

/** Nested objects' problems with their path, as Nest's own pipe words them ("links.0.url must be a URL address"). */
function flatten(errors: ValidationError[], parent?: string): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {}).map((message) => (parent ? `${parent}.${message}` : message));
    return [...(messages.length ? [{ field, messages }] : []), ...flatten(error.children ?? [], field)];
  });
}
