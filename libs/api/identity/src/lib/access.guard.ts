import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@bt/contracts';
import type { FastifyReply } from 'fastify';
import { IS_PUBLIC, type PublicOptions, refuse } from '@bt/api/core';
import { ROLES_KEY, SECOND_FACTOR_SETUP } from './decorators';
import type { IdentifiedRequest } from './http-request';
import { clearSessionCookie, hasXsrfToken } from './identity-http';
import { SESSION_COOKIE, SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate every route passes (registered as APP_GUARD): closed unless the route is marked
 * @Public(); @Roles() narrows it further; a state-changing request must carry the XSRF token
 * (identity-http.ts) when it has a session or goes to a public route (sign-in: no login CSRF);
 * without a session, any other route answers 401 first; a session that owes the second factor its
 * role requires reaches only @SecondFactorSetup() routes. The session cookie is resolved here, by
 * SessionService, and the viewer put on `request.user`.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<IdentifiedRequest>();
    const cookies = request.cookies ?? {};
    const targets = [context.getHandler(), context.getClass()];
    const open = this.reflector.getAllAndOverride<PublicOptions | undefined>(IS_PUBLIC, targets);
    if (!SAFE_METHODS.has(request.method) && (cookies[SESSION_COOKIE] || open) && !open?.ownProof && !hasXsrfToken(request)) {
      throw refuse.forbidden('auth.xsrf-token-missing');
    }
    const token = cookies[SESSION_COOKIE];
    const viewer = token ? await this.sessions.resolve(token) : null;
    request.user = viewer;
    request.sessionViewer = viewer;
    if (!viewer) {
      if (token) {
        // Signed out elsewhere, disabled, expired: say so at once instead of quietly serving an anonymous page.
        clearSessionCookie(request, context.switchToHttp().getResponse<FastifyReply>());
        if (!open?.endedSessionWelcome) throw refuse.unauthorized('auth.session-ended');
      }
      if (open) return true;
      throw refuse.unauthorized('auth.sign-in-needed');
    }
    if (viewer.secondFactorOutstanding && !this.reflector.getAllAndOverride<boolean | undefined>(SECOND_FACTOR_SETUP, targets)) {
      // Until the factor is set up the session is as good as none: public pages as for a visitor, nothing else.
      if (open) {
        request.user = null;
        return true;
      }
      throw refuse.forbidden('auth.second-factor-setup-needed');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((role) => viewer.roles.has(role))) {
      throw refuse.forbidden('auth.role-needed', { roles: roles.join(' or ') });
    }
    return true;
  }
}
