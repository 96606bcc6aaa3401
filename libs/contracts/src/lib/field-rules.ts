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

/**
 * A finite number with at most `places` decimals, in any notation: class-validator's own
 * `maxDecimalPlaces` reads the decimals off the text and throws on `1e-7` (a 500), and would let
 * `1e-7` through as whole where it did not throw.
 */
export function HasAtMostDecimals(places: number, message?: string): PropertyDecorator {
  const scale = 10 ** places;
  return ValidateBy({
    name: 'hasAtMostDecimals',
    validator: {
      validate: (value) =>
        typeof value === 'number' &&
        Number.isFinite(value) &&
        Math.abs(Math.round(value * scale) / scale - value) <= Number.EPSILON * Math.max(1, Math.abs(value)),
      defaultMessage: (args) => message ?? `${args?.property} must be a number with at most ${places} decimals`,
    },
  });
}

/**
 * Each element of a list is an object: `@ValidateNested({ each: true })` alone accepts a list nested
 * in the list (`[[{…}]]`), whose inner objects then reach the service unchecked.
 */
export function EachIsObject(): PropertyDecorator {
  return ValidateBy({
    name: 'eachIsObject',
    validator: {
      validate: (value) => Array.isArray(value) && value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item)),
      defaultMessage: (args) => `each item of ${args?.property} must be an object`,
    },
  });
}

/** The highest page number any list accepts: far beyond the data, within what an OFFSET can take. */
export const MAX_PAGE = 100_000;
