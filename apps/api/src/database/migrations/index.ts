import { Catalogue1795430000000 } from './1795430000000-catalogue';

/** Every migration, oldest first; the app runs the pending ones at start. */
export const MIGRATIONS = [Catalogue1795430000000];
