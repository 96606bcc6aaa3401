export { MISSION_ROUTES } from './lib/missions.routes';
