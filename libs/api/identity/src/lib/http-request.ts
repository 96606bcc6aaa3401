import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '@bt/api/audit';
import type { Viewer } from './viewer';

/**
 * The request as the identity module sees it: AccessGuard puts the viewer on `user` (null on a public
 * route for a session that still owes its second factor) and the session's viewer, whatever it may
 * reach, on `sessionViewer` (signing in again ends it).
 */
export type IdentifiedRequest = FastifyRequest & { user?: Viewer | null; sessionViewer?: Viewer | null };

export function actorOfViewer(viewer: Viewer, ip: string | null): AuditActor {
  return { id: viewer.userId, label: viewer.email, ip };
}
