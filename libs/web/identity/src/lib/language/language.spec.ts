import { inReadersOrder } from './language';

describe('inReadersOrder', () => {
  const places = [
    'Šabac',
    'Sombor',
    'Čačak',
    'Cetinje',
    'Ćuprija',
    'Žabalj',
    'Zrenjanin',
    'Đakovo',
    'Dubrovnik',
    'Džep',
    'Ljig',
    'Loznica',
    'Njegoš',
    'Novi Sad',
  ];
  afterEach(() => (document.documentElement.lang = ''));

  it('sorts Serbian Latin names as Serbian does: č ć after c, dž đ after d, lj after l, nj after n, š after s, ž after z', () => {
    document.documentElement.lang = 'sr-Latn';
    expect(inReadersOrder(places, (p) => p)).toEqual([
      'Cetinje',
      'Čačak',
      'Ćuprija',
      'Dubrovnik',
      'Džep',
      'Đakovo',
      'Loznica',
      'Ljig',
      'Novi Sad',
      'Njegoš',
      'Sombor',
      'Šabac',
      'Zrenjanin',
      'Žabalj',
    ]);
  });

  it('sorts for a Cyrillic reader: Cyrillic names by the Serbian Cyrillic alphabet, Latin ones as Serbian Latin', () => {
    document.documentElement.lang = 'sr-Cyrl';
    expect(inReadersOrder(['Шабац', 'Чачак', 'Ћуприја', 'Ђаково', 'Џеп', 'Љиг', 'Лозница', 'Бор'], (p) => p)).toEqual([
      'Бор',
      'Ђаково',
      'Лозница',
      'Љиг',
      'Ћуприја',
      'Чачак',
      'Џеп',
      'Шабац',
    ]);
    // Names written in Latin letters, as most are, still sort as Serbian Latin for a Cyrillic reader.
    expect(inReadersOrder(['Šabac', 'Čačak', 'Cetinje', 'Ljig', 'Loznica'], (p) => p)).toEqual(['Cetinje', 'Čačak', 'Loznica', 'Ljig', 'Šabac']);
  });

  it('keeps English order for English readers, and does not change the list it was given', () => {
    document.documentElement.lang = 'en';
    const given = ['Šabac', 'Sombor', 'Cetinje', 'Čačak'];
    expect(inReadersOrder(given, (p) => p)).toEqual(['Čačak', 'Cetinje', 'Šabac', 'Sombor']);
    expect(given).toEqual(['Šabac', 'Sombor', 'Cetinje', 'Čačak']);
  });
});
