import { ValidateBy } from 'class-validator';
import { isCalendarDay } from './calendar-days';

export { calendarDayOf, isCalendarDay, startOfCalendarDay } from './calendar-days';

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
