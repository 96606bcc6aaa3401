export { OVERVIEW_ROUTES } from './lib/overview.routes';
