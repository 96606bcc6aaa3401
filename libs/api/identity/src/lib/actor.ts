import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuditActor } from '@bt/api/audit';
import type { FastifyRequest } from 'fastify';
import { actorOfViewer, type IdentifiedRequest } from './http-request';
import type { Viewer } from './viewer';

/**
 * Who acts and from where: the signed-in viewer with the client address of the request. A controller
 * takes it with `@Actor()` and hands it to its service, which records its audit event from it
 * (`auditActor`) without seeing the HTTP request or taking the address as a parameter of its own.
 */
export type Actor = Viewer & { readonly ip: string | null };

/** The viewer acting from this address (the demo seed and commands act from none). */
export function actingFrom(viewer: Viewer, ip: string | null): Actor {
  return { ...viewer, ip };
}

/** The audit trail's actor: who, and from where. */
export function auditActor(actor: Actor): AuditActor {
  return actorOfViewer(actor, actor.ip);
}

/**
 * The signed-in caller as an Actor. Only on a route the access guard lets no anonymous caller reach
 * (every route that is not `@Public()`): without a viewer it is a mistake in the code, and a 500.
 */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<IdentifiedRequest>();
  if (!request.user) throw new Error('@Actor() on a route an anonymous caller reaches');
  return actingFrom(request.user, request.ip ?? null);
});

/**
 * The client address of the request (the one the trusted proxy saw, see `TRUST_PROXY`), for the
 * routes that act before anyone is signed in: signing in, the second step, OpenID Connect's return,
 * one-click unsubscribe. Everywhere else the Actor carries it.
 */
export const ClientAddress = createParamDecorator((_: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest<FastifyRequest>().ip);
