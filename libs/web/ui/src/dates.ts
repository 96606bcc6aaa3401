// The date and time fields bring Material's date and time pickers (a hundred kilobytes of script),
// which only forms need; a page importing '@bt/web/ui' must not load them.
export { CalendarDayInput, DATE_FIELD, TIME_FIELD, timeOfDay, TimeOfDayInput } from './lib/dates/date-fields';
