/*
 * Serbian Latin → Cyrillic, letter for letter as the two alphabets are made (Vuk's and Gaj's),
 * for the app's messages: only the words people read change — placeholders, ICU plural and select
 * syntax, and words that stay Latin in Serbian Cyrillic text (acronyms of foreign origin, product
 * and file-format names, codes, addresses) are kept.
 */

const DIGRAPHS: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ', Lj: 'Љ', LJ: 'Љ', Nj: 'Њ', NJ: 'Њ', Dž: 'Џ', DŽ: 'Џ' };

const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  ć: 'ћ',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  š: 'ш',
  t: 'т',
  u: 'у',
  v: 'в',
  z: 'з',
  ž: 'ж',
  A: 'А',
  B: 'Б',
  C: 'Ц',
  Č: 'Ч',
  Ć: 'Ћ',
  D: 'Д',
  Đ: 'Ђ',
  E: 'Е',
  F: 'Ф',
  G: 'Г',
  H: 'Х',
  I: 'И',
  J: 'Ј',
  K: 'К',
  L: 'Л',
  M: 'М',
  N: 'Н',
  O: 'О',
  P: 'П',
  R: 'Р',
  S: 'С',
  Š: 'Ш',
  T: 'Т',
  U: 'У',
  V: 'В',
  Z: 'З',
  Ž: 'Ж',
};

/**
 * Words in which "nj", "lj" or "dž" are two letters, not one (a prefix ending in d before ž, a
 * foreign root): matched at the start of a word, case-insensitively, with their Cyrillic spelling.
 */
const TWO_LETTER_EXCEPTIONS: [string, string][] = [
  ['injekc', 'инјекц'],
  ['injunkc', 'инјункц'],
  ['konjunk', 'конјунк'],
  ['konjug', 'конјуг'],
  ['vanjezi', 'ванјези'],
  ['tanjug', 'танјуг'],
  ['nadžnj', 'наджњ'],
  ['nadživ', 'наджив'],
  ['nadžanr', 'наджанр'],
  ['nadžup', 'наджуп'],
  ['podžanr', 'поджанр'],
  ['podžup', 'поджуп'],
  ['odžal', 'оджал'],
  ['odživ', 'оджив'],
];

/** Words that Serbian Cyrillic text keeps in Latin letters. */
const KEPT_LATIN = new Set([
  'Benchmark',
  'Tracker',
  'EU',
  'Login',
  'IPA',
  'IATI',
  'PDF',
  'XLSX',
  'XLS',
  'CSV',
  'DOCX',
  'ODT',
  'ODS',
  'QR',
  'TOTP',
  'SSO',
  'OpenID',
  'Connect',
  'FreeOTP',
  'Aegis',
  'Google',
  'Microsoft',
  'Authenticator',
  'Markdown',
  'SHA',
  'HTTP',
  'HTTPS',
  'URL',
  'API',
  'ID',
  'OIDC',
  'peer',
  'review',
  'Word',
  'Excel',
  'LibreOffice',
  'JSON',
  'XML',
  'UTF',
  'MB',
  'KB',
  'GB',
  'CPU',
  'TXT',
]);

/** A word that stays Latin: listed, foreign letters (q, w, x, y), a code such as RS-24-MIG-02, an address or a file name. */
function keptLatin(word: string): boolean {
  return KEPT_LATIN.has(word) || /[qwxyQWXY]/.test(word) || /\d/.test(word) || /@|:\/\/|^\/|\.[a-z]{2,4}$/i.test(word);
}

/** One word (a run of letters, digits and joiners) to Cyrillic. */
function wordToCyrillic(word: string): string {
  if (keptLatin(word)) return word;
  let prefix = '';
  let rest = word;
  const lower = word.toLowerCase();
  const exception = TWO_LETTER_EXCEPTIONS.find(([latin]) => lower.startsWith(latin));
  if (exception) {
    const [latin, cyrillic] = exception;
    const upper = word[0] !== word[0].toLowerCase();
    prefix = upper ? cyrillic[0].toUpperCase() + cyrillic.slice(1) : cyrillic;
    rest = word.slice(latin.length);
  }
  let out = '';
  for (let i = 0; i < rest.length; i++) {
    const pair = rest.slice(i, i + 2);
    if (DIGRAPHS[pair]) {
      out += DIGRAPHS[pair];
      i++;
    } else {
      out += LETTERS[rest[i]] ?? rest[i];
    }
  }
  return prefix + out;
}

/** Plain Serbian text in Latin script to Cyrillic, word by word; anything not a word is kept. */
export function latinToCyrillic(text: string): string {
  // Words: letters with their digits and the joiners of codes and addresses, so "RS-24-MIG-02",
  // "name@example.org" and "https://…" are seen whole (and kept).
  return text.replace(/[\p{L}\p{N}][\p{L}\p{N}@/:._-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu, (word) => {
    if (keptLatin(word)) return word;
    // A joined run of plain words ("e-pošta", "bezbednost.") converts part by part.
    return word.replace(/[\p{L}]+|[^\p{L}]+/gu, (part) => (/^\p{L}/u.test(part) ? wordToCyrillic(part) : part));
  });
}

/**
 * An Angular message (as `ng extract-i18n` writes it) to Cyrillic: the text converts; placeholders
 * (`{$INTERPOLATION}`, `{INTERPOLATION}`) and ICU syntax (`{VAR_PLURAL, plural, =1 {…} few {…}}`,
 * whose keys stay) are kept, and the texts inside ICU cases convert.
 */
export function messageToCyrillic(message: string): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) {
      out += latinToCyrillic(message.slice(i));
      break;
    }
    out += latinToCyrillic(message.slice(i, open));
    const close = matchingBrace(message, open);
    out += blockToCyrillic(message.slice(open + 1, close));
    i = close + 1;
  }
  return out;
}

/** The inside of `{…}`: a placeholder (kept) or an ICU expression (its case texts convert). */
function blockToCyrillic(inside: string): string {
  const icu = /^(\s*[\w$]+\s*,\s*(?:plural|select|selectordinal)\s*,)/.exec(inside);
  if (!icu) return `{${inside}}`;
  let out = icu[1];
  let i = icu[1].length;
  while (i < inside.length) {
    const open = inside.indexOf('{', i);
    if (open < 0) {
      out += inside.slice(i);
      break;
    }
    out += inside.slice(i, open); // a case key such as "=1 ", " few " or " other "
    const close = matchingBrace(inside, open);
    out += `{${messageToCyrillic(inside.slice(open + 1, close))}}`;
    i = close + 1;
  }
  return `{${out}}`;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message: ${text}`);
}

/** Every message of a translation to Cyrillic. */
export function messagesToCyrillic(messages: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(messages).map(([id, text]) => [id, messageToCyrillic(text)]));
}
