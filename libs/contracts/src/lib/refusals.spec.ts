import { REFUSALS, type RefusalCode, refusal } from './refusals';

describe('REFUSALS', () => {
  const entries = Object.entries(REFUSALS) as [RefusalCode, string][];

  it('names every code <domain>.<kebab-what>', () => {
    expect(entries.map(([code]) => code).filter((code) => !/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/.test(code))).toEqual([]);
  });

  it('marks every parameter of a wording as {name}, a word, and no brace stands alone', () => {
    const bad = entries.filter(([, wording]) => {
      const withoutPlaceholders = wording.replace(/\{[a-z][A-Za-z0-9]*\}/g, '');
      return /[{}]/.test(withoutPlaceholders);
    });
    expect(bad).toEqual([]);
  });

  it('fills in the parameters, and keeps a wording without any as it is', () => {
    expect(refusal('mission.not-found', { id: 'm-1' })).toEqual({ code: 'mission.not-found', params: { id: 'm-1' }, message: 'No mission m-1' });
    expect(refusal('track-records.period-twice', { series: 'Seizures', period: '2020', row: 4 }).message).toBe(
      'The series "Seizures" already has a figure for 2020 in row 4.',
    );
    expect(refusal('dialogue.closed')).toEqual({
      code: 'dialogue.closed',
      params: {},
      message: 'The benchmark is accepted: its dialogue is closed (read-only).',
    });
  });
});
