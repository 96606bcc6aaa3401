import { calendarDayOf, isCalendarDay, startOfCalendarDay } from './calendar-days';

describe('days of the calendar', () => {
  it('knows a real day from a pattern that only looks like one', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('6. 12. 2026.')).toBe(false);
  });

  it("writes the reader's day of a Date, not UTC's", () => {
    expect(calendarDayOf(new Date(2026, 11, 6))).toBe('2026-12-06');
    expect(calendarDayOf(new Date(2026, 11, 6, 23, 59))).toBe('2026-12-06');
    expect(calendarDayOf(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });

  it('reads a day back as its local start, and refuses what is no day', () => {
    expect(startOfCalendarDay('2026-12-06')).toEqual(new Date(2026, 11, 6));
    expect(calendarDayOf(startOfCalendarDay('0026-12-06') as Date)).toBe('0026-12-06');
    expect(startOfCalendarDay('2026-02-30')).toBeNull();
    expect(startOfCalendarDay('')).toBeNull();
  });
});
