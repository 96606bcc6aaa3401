export { SEARCH_ROUTES } from './lib/search.routes';
