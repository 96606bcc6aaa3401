import { isLanguage, languageFromBrowser } from './languages';

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
