import { timingSafeEqual } from 'node:crypto';
import { type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@bt/contracts';
import type { FastifyReply } from 'fastify';
import { IS_PUBLIC, type PublicOptions } from '@bt/api/core';
import { ROLES_KEY } from './decorators';
import type { IdentifiedRequest } from './http-request';
import { clearSessionCookie, XSRF_COOKIE, XSRF_HEADER } from './identity-http';
import { SESSION_COOKIE } from './session.service';
import type { Viewer } from './viewer';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate every route passes (registered as APP_GUARD): closed unless the route is marked
 * @Public(); @Roles() narrows it further; a state-changing request that carries the session cookie
 * must echo the XSRF cookie in its header. The session itself is checked by Passport's `session` strategy.
 */
@Injectable()
export class AccessGuard extends AuthGuard('session') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<IdentifiedRequest>();
    const cookies = request.cookies ?? {};
    if (!SAFE_METHODS.has(request.method) && cookies[SESSION_COOKIE] && !sameToken(cookies[XSRF_COOKIE], request.headers[XSRF_HEADER])) {
      throw new ForbiddenException('This request lacks the XSRF token: reload the page and try again.');
    }
    await super.canActivate(context);
    const targets = [context.getHandler(), context.getClass()];
    const viewer = request.user ?? null;
    if (!viewer) {
      const open = this.reflector.getAllAndOverride<PublicOptions | undefined>(IS_PUBLIC, targets);
      if (cookies[SESSION_COOKIE]) {
        // Signed out elsewhere, disabled, expired: say so at once instead of quietly serving an anonymous page.
        clearSessionCookie(context.switchToHttp().getResponse<FastifyReply>());
        if (!open?.endedSessionWelcome) throw new UnauthorizedException('Your session has ended. Please sign in again.');
      }
      if (open) return true;
      throw new UnauthorizedException('Sign in first.');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((role) => viewer.roles.has(role))) {
      throw new ForbiddenException(`This needs the role ${roles.join(' or ')}.`);
    }
    return true;
  }

  /** No session is not an error here: canActivate decides whether the route needs one. */
  override handleRequest<TUser = Viewer | null>(error: unknown, user: Viewer | false | null): TUser {
    if (error) throw error;
    return (user || null) as TUser;
  }
}

function sameToken(cookie: string | undefined, header: string | string[] | undefined): boolean {
  if (!cookie || typeof header !== 'string' || cookie.length !== header.length) return false;
  const encoder = new TextEncoder();
  return timingSafeEqual(encoder.encode(cookie), encoder.encode(header));
}
