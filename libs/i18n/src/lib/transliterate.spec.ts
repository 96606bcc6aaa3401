import { latinToCyrillic, messagesToCyrillic, messageToCyrillic } from './transliterate';

describe('Serbian Latin to Cyrillic', () => {
  it('maps every letter of the alphabet, the digraphs as one letter', () => {
    expect(latinToCyrillic('abcčćdđefghijklmnoprsštuvzž')).toBe('абцчћдђефгхијклмнопрсштувзж');
    expect(latinToCyrillic('ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ')).toBe('АБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ');
    expect(latinToCyrillic('ljubav njega džep')).toBe('љубав њега џеп');
    expect(latinToCyrillic('Ljubljana Njegoš Džaja LJUBAV NJIVA DŽEP')).toBe('Љубљана Његош Џаја ЉУБАВ ЊИВА ЏЕП');
  });

  it('writes the accession vocabulary as Serbian institutions do', () => {
    expect(latinToCyrillic('Prelazna merila za Poglavlje 24: pravda, sloboda i bezbednost')).toBe(
      'Прелазна мерила за Поглавље 24: правда, слобода и безбедност',
    );
    expect(latinToCyrillic('Akcioni plan, organizacije civilnog društva (OCD), Evropska komisija')).toBe(
      'Акциони план, организације цивилног друштва (ОЦД), Европска комисија',
    );
    expect(latinToCyrillic('misija stručne procene, pravosuđe, država članica')).toBe('мисија стручне процене, правосуђе, држава чланица');
  });

  it('keeps two letters where a prefix or a foreign root meets j or ž', () => {
    expect(latinToCyrillic('injekcija konjunkcija nadživeti podžanr odžaliti')).toBe('инјекција конјункција надживети поджанр оджалити');
    expect(latinToCyrillic('Injekcija')).toBe('Инјекција');
  });

  it('keeps in Latin letters what Serbian Cyrillic text keeps so', () => {
    expect(latinToCyrillic('Preuzmite izveštaj kao PDF ili XLSX')).toBe('Преузмите извештај као PDF или XLSX');
    expect(latinToCyrillic('Benchmark Tracker i EU Login')).toBe('Benchmark Tracker и EU Login');
    expect(latinToCyrillic('merilo RS-24-MIG-02, adresa ime@primer.rs, https://primer.rs/strana')).toBe(
      'мерило RS-24-MIG-02, адреса ime@primer.rs, https://primer.rs/strana',
    );
    expect(latinToCyrillic('kod kao k3m9x-q2wpe')).toBe('код као k3m9x-q2wpe');
    expect(latinToCyrillic('datoteka kodovi.txt, misija (peer review)')).toBe('датотека kodovi.txt, мисија (peer review)');
    // A slash between word forms is not an address.
    expect(latinToCyrillic('Sačuvao/la sam ih.')).toBe('Сачувао/ла сам их.');
  });

  it('converts the text of a message and keeps its placeholders and ICU syntax', () => {
    expect(messageToCyrillic('Prijavljeni ste kao {$INTERPOLATION}. {$START_TAG_STRONG}Važno{$CLOSE_TAG_STRONG}')).toBe(
      'Пријављени сте као {$INTERPOLATION}. {$START_TAG_STRONG}Важно{$CLOSE_TAG_STRONG}',
    );
    expect(
      messageToCyrillic('{VAR_PLURAL, plural, =0 {Nijedno merilo} one {{INTERPOLATION} merilo} few {{INTERPOLATION} merila} other {{INTERPOLATION} merila}}'),
    ).toBe('{VAR_PLURAL, plural, =0 {Ниједно мерило} one {{INTERPOLATION} мерило} few {{INTERPOLATION} мерила} other {{INTERPOLATION} мерила}}');
    expect(messageToCyrillic('{VAR_SELECT, select, draft {Nacrt} accepted {Prihvaćeno} other {Nepoznato}}')).toBe(
      '{VAR_SELECT, select, draft {Нацрт} accepted {Прихваћено} other {Непознато}}',
    );
    expect(messageToCyrillic('Ima {VAR_PLURAL, plural, one {jedan {$START_TAG_STRONG}novi{$CLOSE_TAG_STRONG} predlog} other {nove predloge}} danas')).toBe(
      'Има {VAR_PLURAL, plural, one {један {$START_TAG_STRONG}нови{$CLOSE_TAG_STRONG} предлог} other {нове предлоге}} данас',
    );
  });

  it('converts a whole translation, id by id', () => {
    expect(messagesToCyrillic({ 'app.nav.benchmarks': 'Merila', 'app.nav.unread': ' nepročitano' })).toEqual({
      'app.nav.benchmarks': 'Мерила',
      'app.nav.unread': ' непрочитано',
    });
  });
});
