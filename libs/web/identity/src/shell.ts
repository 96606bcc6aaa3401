// What the app shell needs as it starts (apps/web: its toolbar, routes and providers), and nothing
// else: an import of the whole library (index.ts) evaluates every module it exports, so its pages'
// code would download with the first page. Pages and dialogs import '@bt/web/identity' (the home page, the first page of
// most visits, takes AuthSession from here).
export { AccountMenu } from './lib/account-menu/account-menu';
export { AuthSession } from './lib/auth-session';
export { hasRole, signedIn } from './lib/auth-guards';
export { IDENTITY_ROUTES } from './lib/identity.routes';
export { CURRENT_LANGUAGE } from './lib/language/language';
export { LanguageSwitch } from './lib/language/language-switch';
export { LanguageUrlSerializer } from './lib/language/language-url';
export { provideIdentity } from './lib/provide-identity';
export { provideReadersDates } from './lib/dates/readers-dates';
export { sessionEndedInterceptor } from './lib/session-ended.interceptor';
