export { AuthSession, type Credentials } from './lib/auth-session';
export { hasRole, signedIn } from './lib/auth-guards';
export { sessionEndedInterceptor } from './lib/session-ended.interceptor';
export { provideIdentity } from './lib/provide-identity';
export { IDENTITY_ROUTES } from './lib/identity.routes';
export { AccountMenu } from './lib/account-menu/account-menu';
export { apiErrorMessage } from './lib/api-error-message';
export { roleAssignmentLabel, roleLabel, ROLE_OPTIONS } from './lib/role-labels';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './lib/password-rule';
