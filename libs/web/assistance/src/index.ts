export { ASSISTANCE_ROUTES } from './lib/assistance.routes';
