/** A candidate country of the Western Balkans, as organisations of a country are registered. */
export interface CandidateCountry {
  readonly code: string;
  readonly name: string;
}

/**
 * The six Western Balkan partners, by ISO code (XK for Kosovo, as the EU uses it). The one list of
 * them in the web app's administration; every select and every table takes its names from here.
 */
export const CANDIDATE_COUNTRIES: readonly CandidateCountry[] = [
  { code: 'AL', name: $localize`:Name of the candidate country AL@@country.AL:Albania` },
  { code: 'BA', name: $localize`:Name of the candidate country BA@@country.BA:Bosnia and Herzegovina` },
  { code: 'XK', name: $localize`:Name of Kosovo, with the asterisk of the EU's designation footnote@@country.XK:Kosovo*` },
  { code: 'ME', name: $localize`:Name of the candidate country ME@@country.ME:Montenegro` },
  { code: 'MK', name: $localize`:Name of the candidate country MK@@country.MK:North Macedonia` },
  { code: 'RS', name: $localize`:Name of the candidate country RS@@country.RS:Serbia` },
];

/** The footnote the EU attaches to "Kosovo*" wherever it appears. */
export const KOSOVO_FOOTNOTE = $localize`:The EU's designation footnote for Kosovo@@country.XK.footnote:* This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence.`;

/** The country's name, or its code when it is not one of the six. */
export function countryName(code: string): string {
  return CANDIDATE_COUNTRIES.find((country) => country.code === code)?.name ?? code;
}
