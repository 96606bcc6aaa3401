/**
 * A library required when it is first used rather than when the API starts, for those that only some
 * deployments or rare requests need (S3, OpenID Connect, e-mail, spreadsheets, IATI files, CSV
 * imports, the second factor): loading them is CPU that every start — and every test file that starts
 * the API — would otherwise pay for nothing. `load` is a literal `require('…')`, so the bundle keeps
 * the library external and the type comes from an `import type`.
 */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
