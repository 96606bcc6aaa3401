import { consultationEventLabel, consultationStateLabel, isoToLocal, localToIso } from './consultation-labels';

describe('consultation words and dates', () => {
  it('names every state and event', () => {
    expect(consultationStateLabel('open')).toBe('Open for replies');
    expect(consultationEventLabel('PUBLISH')).toBe('Publish');
  });

  it('turns a local date-time into an ISO instant and back', () => {
    const local = '2026-06-30T17:00';
    expect(isoToLocal(localToIso(local) as string)).toBe(local);
    expect(localToIso('')).toBeUndefined();
    expect(isoToLocal(null)).toBe('');
  });
});
