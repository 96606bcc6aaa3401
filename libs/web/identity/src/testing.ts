// For tests only: the signed-in user as `GET /api/auth/me` answers (`me`), and the API's 401.
export { ADMIN, me, unauthorized } from './testing/identity-fixtures';
