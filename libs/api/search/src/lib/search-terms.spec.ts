import { MATCH_END, MATCH_START, searchTerms, snippetParts } from './search-terms';

describe('search terms', () => {
  it('joins the words, keeping letters with diacritics and digits only', () => {
    expect(searchTerms('Pravosuđe  2024')).toBe('pravosuđe & 2024');
    expect(searchTerms("x' | !y & (z):* <-> <script>")).toBe('x & y & z & script');
    expect(searchTerms(' -- ')).toBeNull();
  });

  it('lets dj stand for đ', () => {
    expect(searchTerms('pravosudje')).toBe('(pravosudje | pravosude)');
  });

  it('turns headline marks into parts, never HTML', () => {
    expect(snippetParts(`the ${MATCH_START}law${MATCH_END} & <b>it</b> ${MATCH_START}x${MATCH_END}`)).toEqual([
      { text: 'the ', match: false },
      { text: 'law', match: true },
      { text: ' & <b>it</b> ', match: false },
      { text: 'x', match: true },
    ]);
  });
});
