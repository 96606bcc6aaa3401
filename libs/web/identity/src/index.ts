export { AuthSession, type Credentials } from './lib/auth-session';
export { hasRole, signedIn } from './lib/auth-guards';
export { sessionEndedInterceptor } from './lib/session-ended.interceptor';
export { provideIdentity } from './lib/provide-identity';
export { IDENTITY_ROUTES } from './lib/identity.routes';
export { AccountMenu } from './lib/account-menu/account-menu';
export { apiErrorMessage } from './lib/api-error-message';
export { reasonText } from './lib/refusals/refusal-texts';
export { DialogSave } from './lib/dialog-save';
export { roleAssignmentLabel, roleLabel, ROLE_OPTIONS } from './lib/role-labels';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './lib/password-rule';
export { CURRENT_LANGUAGE, inReadersOrder, keepLanguage, reloadIn } from './lib/language/language';
export { LanguageUrlSerializer } from './lib/language/language-url';
export { LanguageSwitch } from './lib/language/language-switch';
export { provideReadersDates, ReadersDateAdapter } from './lib/dates/readers-dates';
// The date and time fields are '@bt/web/identity/dates': with them every page would download the pickers.
export { DocumentDownload } from './lib/document-download/document-download';
