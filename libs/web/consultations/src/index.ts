export { CONSULTATION_ROUTES } from './lib/consultations.routes';
