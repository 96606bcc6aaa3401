import { chooseLanguage, isLanguage, languageFromBrowser, languagesOfHeader } from './languages';

describe('the language of a first visit', () => {
  it('follows the first language of the browser that the product speaks', () => {
    expect(languageFromBrowser(['sr-RS', 'en'])).toBe('sr-Cyrl');
    expect(languageFromBrowser(['sr'])).toBe('sr-Cyrl');
    expect(languageFromBrowser(['sr-Latn-RS', 'sr'])).toBe('sr-Latn');
    expect(languageFromBrowser(['de-DE', 'en-GB'])).toBe('en');
    expect(languageFromBrowser(['hr-HR'])).toBe('sr-Latn');
    expect(languageFromBrowser(['fr'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });

  it('knows its three languages', () => {
    expect(['en', 'sr-Latn', 'sr-Cyrl', 'sr', 'de'].map(isLanguage)).toEqual([true, true, true, false, false]);
  });
});

describe("the languages of a browser's Accept-Language header", () => {
  it('lists them most wanted first, as navigator.languages does', () => {
    expect(languagesOfHeader('en;q=0.5, sr-RS, sr;q=0.9')).toEqual(['sr-RS', 'sr', 'en']);
    expect(languagesOfHeader('de-AT,de;q=0.9,sr-Latn;q=0.8')).toEqual(['de-AT', 'de', 'sr-Latn']);
  });

  it('keeps the order of equal weights and leaves out refusals, the wildcard and nonsense', () => {
    expect(languagesOfHeader('hr, bs')).toEqual(['hr', 'bs']);
    expect(languagesOfHeader('sr;q=0, *, en;q=x, , fr;q=0.1')).toEqual(['fr']);
    expect(languagesOfHeader(undefined)).toEqual([]);
  });

  it('chooses with the same rule as the browser: Serbian in Cyrillic for sr-RS, Latin for hr', () => {
    expect(chooseLanguage('', '', languagesOfHeader('sr-RS,sr;q=0.9,en;q=0.8'))).toBe('sr-Cyrl');
    expect(chooseLanguage('', '', languagesOfHeader('hr-HR,en;q=0.5'))).toBe('sr-Latn');
    expect(chooseLanguage('?lang=en', 'bt_lang=sr-Latn', languagesOfHeader('sr'))).toBe('en');
    expect(chooseLanguage('', 'a=1; bt_lang=sr-Latn', languagesOfHeader('sr'))).toBe('sr-Latn');
  });
});
