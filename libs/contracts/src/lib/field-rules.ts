// Rules for request fields that class-validator does not have as such.
import { ValidateBy, ValidateIf } from 'class-validator';

/**
 * A field a correction may leave out — but not send as `null`: `@IsOptional` would let `null`
 * through unvalidated, to fail later in the service or the database as an error of the server.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** A text that must say something: spaces alone are refused (400), not saved as an empty text. */
export function IsNotBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBlank',
    validator: { validate: (value) => typeof value === 'string' && value.trim().length > 0, defaultMessage: (args) => `${args?.property} must not be blank` },
  });
}
