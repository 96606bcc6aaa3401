/**
 * Where a browser may be sent after signing in: a path of this site only. Anything else — another
 * origin, a scheme-relative `//host`, a `/\host` or a tab or newline that browsers strip into one,
 * non-ASCII text that cannot go into a Location header — becomes the home page, so the sign-in can
 * never be turned into an open redirect.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  if (!/^[\x21-\x7e]+$/.test(value) || value.includes('\\')) return '/';
  return value;
}
