import type { MissionListItemDto } from '@bt/contracts';

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  inMonth: boolean;
  missions: MissionListItemDto[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The weeks (Monday first) of a month, each day with the missions under way on it. */
export function monthWeeks(year: number, month: number, missions: readonly MissionListItemDto[]): CalendarDay[][] {
  const first = new Date(year, month, 1);
  const start = new Date(year, month, 1 - ((first.getDay() + 6) % 7));
  const weeks: CalendarDay[][] = [];
  const cursor = new Date(start);
  do {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const date = isoDay(cursor);
      week.push({ date, inMonth: cursor.getMonth() === month, missions: missions.filter((m) => m.startDate <= date && date <= m.endDate) });
      cursor.setDate(cursor.getDate() + 1);
    }
    weeks.push(week);
  } while (cursor.getMonth() === month);
  return weeks;
}
