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

export const SECOND_FACTOR_SETUP = 'bt:second-factor-setup';

/**
 * Answers a session that still owes the second factor its role requires (identity settings): the
 * sign-in matters of the account page — who am I, setting up the factor, sessions, signing out.
 */
export const SecondFactorSetup = () => SetMetadata(SECOND_FACTOR_SETUP, true);
