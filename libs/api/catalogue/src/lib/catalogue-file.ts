/**
 * The JSON shapes in seeds/: the reference lists (countries, chapters) and one catalogue file per
 * country and chapter, as the Commission publishes its interim benchmarks. Checked before import so
 * a wrong file is refused whole, with the place of each fault.
 */
export interface ReferenceFile {
  countries: { code: string; name: string; note?: string | null }[];
  chapters: { number: number; title: string }[];
}

export interface CatalogueFile {
  country: string;
  chapter: number;
  source: { title: string; document: string };
  areas: {
    code: string;
    title: string;
    intro: string | null;
    benchmarks: { code: string; text: string; textSr?: string | null; subRequirements: { code: string; text: string; textSr?: string | null }[] }[];
  }[];
}

export class CatalogueFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`The catalogue file is not valid:\n- ${problems.join('\n- ')}`);
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * What is wrong with an item's optional Serbian text (`textSr`), if anything: absent or null is
 * none; present, it is text in Latin script (the Cyrillic is derived from it, never the other way).
 */
function serbianTextProblem(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (!isText(v)) return 'textSr: a non-empty text when present (leave it out where there is no Serbian text)';
  if (/\p{Script=Cyrillic}/u.test(v)) return 'textSr: Serbian in Latin script (the Cyrillic is derived from it)';
  return null;
}

export function checkReferenceFile(data: unknown): ReferenceFile {
  const problems: string[] = [];
  const file = data as Partial<ReferenceFile>;
  if (!Array.isArray(file?.countries)) problems.push('countries: a list is required');
  if (!Array.isArray(file?.chapters)) problems.push('chapters: a list is required');
  file?.countries?.forEach((c, i) => {
    if (!/^[A-Z]{2}$/.test(c?.code ?? '')) problems.push(`countries[${i}].code: two upper-case letters`);
    if (!isText(c?.name)) problems.push(`countries[${i}].name: required`);
  });
  file?.chapters?.forEach((c, i) => {
    if (!Number.isInteger(c?.number) || c.number < 1) problems.push(`chapters[${i}].number: a positive whole number`);
    if (!isText(c?.title)) problems.push(`chapters[${i}].title: required`);
  });
  if (problems.length) throw new CatalogueFileError(problems);
  return file as ReferenceFile;
}

export function checkCatalogueFile(data: unknown): CatalogueFile {
  const problems: string[] = [];
  const file = data as Partial<CatalogueFile>;
  const codes = new Set<string>();
  const unique = (code: string, where: string) => {
    if (codes.has(code)) problems.push(`${where}: code ${code} is used twice`);
    codes.add(code);
  };
  if (!/^[A-Z]{2}$/.test(file?.country ?? '')) problems.push('country: two upper-case letters');
  if (!Number.isInteger(file?.chapter)) problems.push('chapter: a whole number');
  if (!isText(file?.source?.title)) problems.push('source.title: required');
  if (!Array.isArray(file?.areas) || file.areas.length === 0) problems.push('areas: a non-empty list is required');
  const prefix = `${file?.country}-${file?.chapter}-`;
  file?.areas?.forEach((area, a) => {
    const at = `areas[${a}]`;
    if (!/^[A-Z]{2,5}$/.test(area?.code ?? '')) problems.push(`${at}.code: 2 to 5 upper-case letters`);
    else unique(area.code, at);
    if (!isText(area?.title)) problems.push(`${at}.title: required`);
    if (!Array.isArray(area?.benchmarks) || area.benchmarks.length === 0) problems.push(`${at}.benchmarks: a non-empty list is required`);
    area?.benchmarks?.forEach((benchmark, b) => {
      const bt = `${at}.benchmarks[${b}]`;
      if (!new RegExp(`^${prefix}${area.code}-\\d{2}$`).test(benchmark?.code ?? '')) {
        problems.push(`${bt}.code: must look like ${prefix}${area?.code}-01`);
      } else unique(benchmark.code, bt);
      if (!isText(benchmark?.text)) problems.push(`${bt}.text: required`);
      const benchmarkSr = serbianTextProblem(benchmark?.textSr);
      if (benchmarkSr) problems.push(`${bt}.${benchmarkSr}`);
      if (!Array.isArray(benchmark?.subRequirements)) problems.push(`${bt}.subRequirements: a list is required`);
      benchmark?.subRequirements?.forEach((sub, s) => {
        const st = `${bt}.subRequirements[${s}]`;
        if (!new RegExp(`^${benchmark.code}\\.\\d+$`).test(sub?.code ?? '')) problems.push(`${st}.code: must look like ${benchmark.code}.1`);
        else unique(sub.code, st);
        if (!isText(sub?.text)) problems.push(`${st}.text: required`);
        const subSr = serbianTextProblem(sub?.textSr);
        if (subSr) problems.push(`${st}.${subSr}`);
      });
    });
  });
  if (problems.length) throw new CatalogueFileError(problems);
  return file as CatalogueFile;
}
