import { ValidateBy } from 'class-validator';

/** A real day of the calendar written YYYY-MM-DD: 2026-02-28 is one, 2026-02-30 is not. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A request field holding a day (`2026-03-01`). A pattern alone lets `2026-02-30` through to
 * PostgreSQL, which refuses it as an error of the server; this refuses it as the caller's (400).
 */
export function IsCalendarDay(field: string, example: string): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDay',
    validator: { validate: (value) => isCalendarDay(value), defaultMessage: () => `${field} must be a date of the calendar such as ${example}` },
  });
}
