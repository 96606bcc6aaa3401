/**
 * The one country and chapter the web app shows for now. When it learns to switch, this becomes
 * a choice of the reader; every page and request takes its scope from here.
 */
export const CATALOGUE_SCOPE = {
  country: 'RS',
  countryName: $localize`:Name of the candidate country RS@@country.RS:Serbia`,
  chapter: 24,
  chapterTitle: $localize`:Title of negotiating chapter 24@@chapter.24:Justice, freedom and security`,
} as const;

export type CatalogueScope = typeof CATALOGUE_SCOPE;
