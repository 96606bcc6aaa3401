import 'reflect-metadata';
import { REFUSALS } from '@bt/contracts/values';
import { reasonText } from './refusal-texts';

describe('reasonText', () => {
  it('words a refusal by its code and parameters, not by its English message', () => {
    expect(reasonText({ code: 'mission.not-found', params: { id: 'm-1' }, message: 'No mission m-1' })).toBe('The mission was not found.');
    expect(reasonText({ code: 'track-records.period-twice', params: { series: 'Seizures', period: '2020', row: 4 }, message: '…' })).toBe(
      'The series “Seizures” already has a figure for 2020 in row 4.',
    );
    expect(reasonText({ code: 'role.given-twice', params: { role: 'ministry' }, message: 'role ministry is given twice' })).toBe(
      'The role Ministry is given twice.',
    );
    expect(reasonText({ code: 'request.too-many-searches', params: { max: 120, seconds: 7 }, message: '…' })).toBe(
      'Too many searches in a minute (at most 120): try again in 7 seconds.',
    );
  });

  it('writes a day of the parameters as the reader’s language writes days', () => {
    expect(reasonText({ code: 'action-plan.activity-not-late', params: { deadline: '2027-03-31' }, message: '…' })).toBe(
      'The activity is not late: its deadline, Mar 31, 2027, has not passed.',
    );
  });

  it('falls back to the English message for a code this app does not know', () => {
    expect(reasonText({ code: 'mission.some-future-refusal', params: { id: 'x' }, message: 'A refusal from a newer API.' })).toBe(
      'A refusal from a newer API.',
    );
  });

  it('words every code of the API as a sentence: a capital first, a full stop last', () => {
    // The general codes by status carry the API's English details as they are.
    const general = ['request.invalid', 'request.refused', 'request.not-found', 'request.too-large', 'request.timeout', 'auth.forbidden', 'server.unavailable'];
    const anyParams = new Proxy({}, { get: (_, name) => (typeof name === 'string' ? 'X' : undefined), has: () => true });
    const notSentences = Object.keys(REFUSALS)
      .filter((code) => !general.includes(code))
      .map((code) => [code, reasonText({ code, params: anyParams, message: '' })])
      .filter(([, text]) => !/^[A-Z“"]/.test(text) || !/[.?]$/.test(text));
    expect(notSentences).toEqual([]);
  });
});
