import { ValidateIf } from 'class-validator';

/**
 * A field a correction may leave out — but not send as `null`: `@IsOptional` would let `null`
 * through unvalidated, to fail later in the service or the database as an error of the server.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
