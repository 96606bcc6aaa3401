import type { SnippetPart } from '@bt/contracts';

/** Marks `ts_headline` puts around a match: control characters no stored text contains. */
export const MATCH_START = '\u0001';
export const MATCH_END = '\u0002';

/**
 * The words of a query as a `to_tsquery` expression for the `bt_search` configuration (which drops
 * diacritics): only letters and digits reach it, so nothing the user types is tsquery syntax.
 * Serbian Latin written without diacritics spells `đ` as `dj`, while unaccent turns `đ` into `d`:
 * a word with `dj` also matches its `d` spelling, so `pravosudje` finds `pravosuđe`.
 */
export function searchTerms(query: string): string | null {
  const words = (
    query
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 12);
  if (!words.length) return null;
  return words.map((word) => (word.includes('dj') ? `(${word} | ${word.replaceAll('dj', 'd')})` : word)).join(' & ');
}

/** A headline with match marks as plain-text parts (the web shows them without any HTML). */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of headline.split(new RegExp(`[${MATCH_START}${MATCH_END}]`)).entries()) {
    if (!piece) continue;
    const match = index % 2 === 1;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  }
  return parts;
}
