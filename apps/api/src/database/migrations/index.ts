import { Catalogue1795430000000 } from './1795430000000-catalogue';
import { IdentityAndAudit1795440000000 } from './1795440000000-identity-and-audit';
import { OidcFlow1795450000000 } from './1795450000000-oidc-flow';
import { BenchmarkWorkflow1795460000000 } from './1795460000000-benchmark-workflow';
import { AuditAppend1795470000000 } from './1795470000000-audit-append';

/** Every migration, oldest first; the app runs the pending ones at start. */
export const MIGRATIONS = [Catalogue1795430000000, IdentityAndAudit1795440000000, OidcFlow1795450000000, BenchmarkWorkflow1795460000000, AuditAppend1795470000000];
