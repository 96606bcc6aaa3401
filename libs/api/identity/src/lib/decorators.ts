import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@bt/contracts';
import type { IdentifiedRequest } from './http-request';

export const ROLES_KEY = 'bt:roles';

/** Only users holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in viewer, or null on a public route visited anonymously. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<IdentifiedRequest>().user ?? null;
});
