import { serverTexts } from './server-texts';

describe('serverTexts', () => {
  const texts = serverTexts({
    en: {
      proposals: '{count, plural, one {# proposal} other {# proposals}} from {organisation}',
      due: 'Due on {at, date, long}',
      budget: 'Budget {amount, number}',
    },
    'sr-Latn': {
      proposals: '{count, plural, one {# predlog} few {# predloga} other {# predloga}} od {organisation}',
      due: 'Rok je {at, date, long}',
      budget: 'Budžet {amount, number}',
    },
  });
  const at = new Date(Date.UTC(2026, 11, 6, 12));

  it('words a text in English with its plural', () => {
    expect(texts('en')('proposals', { count: 1, organisation: 'YUCOM' })).toBe('1 proposal from YUCOM');
    expect(texts('en')('proposals', { count: 2, organisation: 'YUCOM' })).toBe('2 proposals from YUCOM');
  });

  it('words Serbian Latin with Serbian plurals and formats', () => {
    expect(texts('sr-Latn')('proposals', { count: 21, organisation: 'Beogradski centar' })).toBe('21 predlog od Beogradski centar');
    expect(texts('sr-Latn')('due', { at })).toBe('Rok je 6. decembar 2026.');
    expect(texts('sr-Latn')('budget', { amount: 1250.5 })).toBe('Budžet 1.250,5');
  });

  it('derives Cyrillic from the Latin text but keeps the values as written', () => {
    expect(texts('sr-Cyrl')('proposals', { count: 3, organisation: 'YUCOM' })).toBe('3 предлога од YUCOM');
    expect(texts('sr-Cyrl')('due', { at })).toBe('Рок је 6. децембар 2026.');
  });
});
