export { SEARCH_ROUTES } from './lib/search.routes';
// The shell's toolbar holds the search field.
export { SearchBox } from './lib/search-box';
