import { consultationEventLabel, consultationStateLabel, isoToLocal, localToIso } from './consultation-labels';

describe('consultation words and dates', () => {
  it('names every state and event', () => {
    expect(consultationStateLabel('open')).toBe('Open for replies');
    expect(consultationEventLabel('PUBLISH')).toBe('Publish');
  });

  it('turns a local day and time into an ISO instant and back', () => {
    const local = { day: '2026-06-30', time: '17:00' };
    expect(localToIso(local)).toBe(new Date(2026, 5, 30, 17, 0).toISOString());
    expect(isoToLocal(localToIso(local) as string)).toEqual(local);
    expect(localToIso({ day: '', time: '' })).toBeUndefined();
    expect(localToIso({ day: '2026-06-30', time: '' })).toBeUndefined();
    expect(localToIso({ day: '', time: '17:00' })).toBeUndefined();
    expect(isoToLocal(null)).toEqual({ day: '', time: '' });
  });
});
