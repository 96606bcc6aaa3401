/*
 * Days of the calendar written YYYY-MM-DD, as the API takes and gives them. Free of the request
 * classes' decorators, so that the web app imports them alone (`@bt/contracts/values`).
 */

/** A real day of the calendar written YYYY-MM-DD: 2026-02-28 is one, 2026-02-30 is not. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day of the calendar a Date falls on where the reader is (not in UTC), written YYYY-MM-DD. */
export function calendarDayOf(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A day written YYYY-MM-DD as the start of that day where the reader is; null when it is no real day. */
export function startOfCalendarDay(day: string): Date | null {
  if (!isCalendarDay(day)) return null;
  const [year, month, date] = day.split('-').map(Number);
  const start = new Date(year, month - 1, date);
  start.setFullYear(year); // years below 100 are not 19xx
  return start;
}
