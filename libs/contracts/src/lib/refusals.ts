import { fillIn, type PlaceholdersOf, type Reason, type ReasonParams, WORKFLOW_REASONS } from '@bt/workflow';

/**
 * Every refusal the API answers with, by a stable code, and its English wording; `{name}` marks a
 * parameter sent beside the code. The error body carries `{ code, params, message }` (message: this
 * wording filled in); the web app words each code in the reader's language (refusal-texts.ts in
 * libs/web/identity, which must word every code here) and falls back to `message` for a code it
 * does not know. A code never changes meaning; a new meaning takes a new code.
 */
export const REFUSALS = {
  ...WORKFLOW_REASONS,

  // Answers about the request as a whole, given when no more particular code applies.
  'request.invalid': 'The request is not valid: {details}',
  'request.malformed-value': 'A value in the request is malformed.',
  'request.conflict': 'The request conflicts with the current data; reload and try again.',
  'request.refused': '{details}',
  'request.not-found': 'Not found: {details}',
  'request.too-large': 'The request is too large: {details}',
  'request.too-many': 'Too many requests of this kind; try again in {seconds} seconds.',
  'request.timeout': 'The request stopped arriving: {details}',
  'auth.sign-in-needed': 'Sign in first.',
  'auth.forbidden': 'You may not do this: {details}',
  'server.error': 'Something went wrong on our side; it has been logged.',
  'server.unavailable': 'The service is not available right now: {details}',

  // The workflow of a benchmark.
  'benchmark.not-found': 'No benchmark {ref}',
  'benchmark.changed-meanwhile': 'The benchmark changed meanwhile (version {current}, not {sent}): reload and try again.',
  'benchmark.not-possible-now': '{event} is not possible while the benchmark is {state}.',
  'benchmark.list-page-too-far': 'page {page} starts past the first {limit} benchmarks: page on with after, the next of the page before',

  // The workflow of a written consultation.
  'consultation.changed-meanwhile': 'The consultation changed meanwhile (version {current}, not {sent}): reload and try again.',
  'consultation.not-possible-now': '{event} is not possible while the consultation is {state}.',
} as const satisfies Record<string, string>;

export type RefusalCode = keyof typeof REFUSALS;

/** The parameters a refusal's wording needs, by name, as the rest of an argument list (none: nothing). */
export type RefusalArgs<C extends RefusalCode> = PlaceholdersOf<(typeof REFUSALS)[C]> extends never ? [] : [Record<PlaceholdersOf<(typeof REFUSALS)[C]>, string | number>];

/** A refusal as it travels: code, parameters and the English wording. */
export function refusal<C extends RefusalCode>(code: C, ...params: RefusalArgs<C>): Reason {
  const filled: ReasonParams = params[0] ?? {};
  return { code, params: filled, message: fillIn(REFUSALS[code], filled) };
}
