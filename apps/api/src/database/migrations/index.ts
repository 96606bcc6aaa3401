import { Catalogue1795430000000 } from './1795430000000-catalogue';
import { IdentityAndAudit1795440000000 } from './1795440000000-identity-and-audit';

/** Every migration, oldest first; the app runs the pending ones at start. */
export const MIGRATIONS = [Catalogue1795430000000, IdentityAndAudit1795440000000];
