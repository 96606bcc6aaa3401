export { ADMIN_ROUTES } from './lib/admin.routes';
// The one list of candidate countries, for other features' country filters (Action Plan).
export { CANDIDATE_COUNTRIES, countryName, KOSOVO_FOOTNOTE } from './lib/candidate-countries';
