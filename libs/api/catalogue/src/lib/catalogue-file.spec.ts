import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueFileError, checkCatalogueFile, checkReferenceFile } from './catalogue-file';

const seeds = join(__dirname, '../../../../../seeds');
const read = (path: string) => JSON.parse(readFileSync(join(seeds, path), 'utf8'));
const catalogue = checkCatalogueFile(read('catalogue/rs-24.json'));
const source = readFileSync(join(seeds, 'sources', catalogue.source.document), 'utf8');

/** The document's text as one line: hard line wraps and emphasis marks removed. */
const normalise = (text: string) => text.replace(/\*/g, '').replace(/\s+/g, ' ').trim();

describe("Serbia's Chapter 24 catalogue against the EU common position it comes from", () => {
  const lines = source.split('\n');
  const benchmarks = catalogue.areas.flatMap((a) => a.benchmarks);
  const subRequirements = benchmarks.flatMap((b) => b.subRequirements);

  it('has one area per "enhances its efforts" heading, plus the horizontal Action Plan benchmark', () => {
    const headings = lines.filter((l) => l.startsWith('Serbia enhances its efforts to ensure compliance')).length;
    expect(catalogue.areas).toHaveLength(headings + 1);
    expect(catalogue.areas).toHaveLength(9);
  });

  it('has a benchmark for every top-level bullet and every free-standing benchmark paragraph', () => {
    const bullets = lines.filter((l) => l.startsWith('- ')).length;
    // The three benchmarks the document states as plain paragraphs rather than bullets.
    const paragraphs = benchmarks.filter((b) => lines.some((l) => l.startsWith(b.text.slice(0, 60)))).length;
    expect(bullets).toBe(38);
    expect(paragraphs).toBe(3);
    expect(benchmarks).toHaveLength(bullets + paragraphs);
  });

  it('has a sub-requirement for every indented item', () => {
    const indented = lines.filter((l) => /^\s+- /.test(l)).length;
    expect(subRequirements).toHaveLength(indented);
    expect(indented).toBe(30);
  });

  it('keeps every benchmark and sub-requirement text verbatim', () => {
    const document = normalise(source);
    const missing = [...benchmarks, ...subRequirements].filter((item) => !document.includes(item.text)).map((i) => i.code);
    expect(missing).toEqual([]);
  });

  it('gives every item a unique, stable code', () => {
    const codes = [...catalogue.areas.map((a) => a.code), ...benchmarks.map((b) => b.code), ...subRequirements.map((s) => s.code)];
    expect(new Set(codes).size).toBe(codes.length);
    expect(benchmarks.map((b) => b.code)).toContain('RS-24-MIG-02');
    expect(subRequirements.map((s) => s.code)).toContain('RS-24-ASY-02.8');
  });

  it('lists the six Western Balkan partners and chapters 23 and 24', () => {
    const reference = checkReferenceFile(read('reference.json'));
    expect(reference.countries.map((c) => c.code).sort()).toEqual(['AL', 'BA', 'ME', 'MK', 'RS', 'XK']);
    expect(reference.chapters.map((c) => c.number)).toEqual([23, 24]);
  });
});

describe('checking a catalogue file', () => {
  it('refuses a file with every fault named, before anything is imported', () => {
    const broken = {
      country: 'RS',
      chapter: 24,
      source: { title: 't', document: 'd' },
      areas: [
        { code: 'MIG', title: 'Migration', intro: null, benchmarks: [{ code: 'RS-24-MIG-1', text: '', subRequirements: [] }] },
        {
          code: 'MIG',
          title: '',
          intro: null,
          benchmarks: [
            {
              code: 'RS-24-MIG-01',
              text: 'x',
              subRequirements: [
                { code: 'RS-24-MIG-01.1', text: 'y' },
                { code: 'RS-24-MIG-01.1', text: 'z' },
              ],
            },
          ],
        },
      ],
    };
    let error: unknown;
    try {
      checkCatalogueFile(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueFileError);
    expect((error as CatalogueFileError).problems).toEqual([
      'areas[0].benchmarks[0].code: must look like RS-24-MIG-01',
      'areas[0].benchmarks[0].text: required',
      'areas[1]: code MIG is used twice',
      'areas[1].title: required',
      'areas[1].benchmarks[0].subRequirements[1]: code RS-24-MIG-01.1 is used twice',
    ]);
  });

  it('takes an optional Serbian text (textSr) on a benchmark and a sub-requirement: absent, null, or Latin-script text', () => {
    const file = (textSr: unknown, subTextSr: unknown) => ({
      country: 'RS',
      chapter: 24,
      source: { title: 't', document: 'd' },
      areas: [
        {
          code: 'MIG',
          title: 'Migration',
          intro: null,
          benchmarks: [{ code: 'RS-24-MIG-01', text: 'x', textSr, subRequirements: [{ code: 'RS-24-MIG-01.1', text: 'y', textSr: subTextSr }] }],
        },
      ],
    });
    expect(checkCatalogueFile(file(undefined, null)).areas[0].benchmarks[0].textSr).toBeUndefined();
    expect(checkCatalogueFile(file('Srbija sprovodi analizu.', 'Podzahtev.')).areas[0].benchmarks[0].subRequirements[0].textSr).toBe('Podzahtev.');
    const problems = (textSr: unknown, subTextSr: unknown) => {
      try {
        checkCatalogueFile(file(textSr, subTextSr));
        return [];
      } catch (e) {
        return (e as CatalogueFileError).problems;
      }
    };
    expect(problems('  ', 42)).toEqual([
      'areas[0].benchmarks[0].textSr: a non-empty text when present (leave it out where there is no Serbian text)',
      'areas[0].benchmarks[0].subRequirements[0].textSr: a non-empty text when present (leave it out where there is no Serbian text)',
    ]);
    expect(problems('Србија', undefined)).toEqual(['areas[0].benchmarks[0].textSr: Serbian in Latin script (the Cyrillic is derived from it)']);
  });

  it('refuses something that is not a catalogue at all', () => {
    expect(() => checkCatalogueFile(null)).toThrow(CatalogueFileError);
    expect(() => checkReferenceFile({ countries: [{ code: 'Serbia', name: 'Serbia' }], chapters: [] })).toThrow('countries[0].code');
  });
});
