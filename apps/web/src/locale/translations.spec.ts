import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messageToCyrillic } from '@bt/i18n';

/*
 * The Serbian translation is complete and fits its messages: every message id used in the app's
 * templates and code is translated, with the same placeholders, ICU plurals with Serbian's plural
 * forms, and a Cyrillic version derived without loss.
 */
const root = join(__dirname, '../../../..');
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as { translations: Record<string, string> };
const serbian = read('apps/web/src/locale/messages.sr-Latn.json').translations;

describe('the Serbian translation', () => {
  it('translates every message the app uses, with its placeholders, and keeps no message nothing uses (the check the web build runs)', () => {
    const run = spawnSync(process.execPath, [join(root, 'tools/i18n/check-translations.mjs')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(Number(/(\d+) messages/.exec(run.stdout)?.[1])).toBeGreaterThan(1000);
  });

  it('gives counted messages Serbian\'s plural forms (one, few, other)', () => {
    const plurals = Object.keys(serbian).filter((id) => serbian[id].includes(', plural,'));
    expect(plurals.length).toBeGreaterThan(5);
    const lacking = plurals.filter((id) => /\bother \{[^}]*\{INTERPOLATION/.test(serbian[id]) && !/\bfew \{/.test(serbian[id]));
    expect(lacking).toEqual([]);
  });

  it('derives a Cyrillic text from every message, leaving only kept words in Latin letters', () => {
    const latinLeft = new Set<string>();
    for (const text of Object.values(serbian)) {
      const cyrillic = messageToCyrillic(text)
        .replace(/\{\$\w+\}|\{?\b(VAR_PLURAL|VAR_SELECT|INTERPOLATION(_\d+)?|plural|select|one|few|other)\b/g, '')
        // Codes, addresses and file names stay as they are.
        .replace(/\S*(\d|@|:\/\/|\.\w{2,4}\b)\S*/g, '');
      for (const word of cyrillic.match(/[a-zčćđšž]{3,}/gi) ?? []) latinLeft.add(word);
    }
    // What stays Latin are names, formats and examples (checked by eye once; a new one shows here).
    expect([...latinLeft].filter((word) => !/^(Benchmark|Tracker|Login|Google|Microsoft|Authenticator|FreeOTP|Aegis|Markdown|OpenID|Connect|IATI|XLSX|DOCX|CSV|PDF|ODT|ODS|TOTP|HTTP|HTTPS|Word|Excel|LibreOffice|UTF|JSON|XML|DOCTYPE|TXT|peer|review|mailto|https?|www|example|primer|org|test|demo)$/i.test(word))).toEqual([]);
  });
});
