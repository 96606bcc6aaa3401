import type { MissionListItemDto } from '@bt/contracts';
import { monthWeeks } from './mission-calendar';

const mission = (startDate: string, endDate: string) => ({ id: startDate, title: 'M', startDate, endDate }) as MissionListItemDto;

describe('the missions calendar', () => {
  it('lays a month out in Monday-first weeks with the missions under way each day', () => {
    const weeks = monthWeeks(2026, 2, [mission('2026-03-02', '2026-03-04'), mission('2026-02-20', '2026-03-01')]);
    expect(weeks[0][0].date).toBe('2026-02-23');
    expect(weeks[0][6]).toEqual({ date: '2026-03-01', inMonth: true, missions: [expect.objectContaining({ id: '2026-02-20' })] });
    expect(weeks[1].slice(0, 4).map((d) => d.missions.length)).toEqual([1, 1, 1, 0]);
    expect(weeks.at(-1)?.at(-1)?.date).toBe('2026-04-05');
  });
});
