import type { MIN_PASSWORD_LENGTH } from '@bt/contracts';

/**
 * The API's shortest password. Typed as the contract's constant (only its type is imported: the
 * contract module's request classes must stay out of the bundle), so the two cannot drift apart.
 */
export const PASSWORD_MIN_LENGTH: typeof MIN_PASSWORD_LENGTH = 12;
/** The API's longest password. */
export const PASSWORD_MAX_LENGTH = 200;
