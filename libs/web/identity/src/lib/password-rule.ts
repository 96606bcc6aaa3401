import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@bt/contracts/values';

/** The API's shortest password. */
export const PASSWORD_MIN_LENGTH = MIN_PASSWORD_LENGTH;
/** The API's longest password. */
export const PASSWORD_MAX_LENGTH = MAX_PASSWORD_LENGTH;
