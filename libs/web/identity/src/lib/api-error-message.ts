import type { HttpErrorResponse } from '@angular/common/http';
import { reasonText } from './refusals/refusal-texts';

/**
 * The explanation an API error carries (`{statusCode, code, params, message}`), in the reader's
 * language when the app knows its code, else the API's English message; null when it carries none.
 */
export function apiErrorMessage(error: HttpErrorResponse): string | null {
  const body: unknown = error.error;
  if (!body || typeof body !== 'object') return null;
  const { code, params, message } = body as { code?: unknown; params?: unknown; message?: unknown };
  const english = typeof message === 'string' ? message : Array.isArray(message) ? message.filter((m) => typeof m === 'string').join('; ') || null : null;
  if (typeof code === 'string') return reasonText({ code, params: params && typeof params === 'object' ? (params as Record<string, string | number>) : {}, message: english ?? '' }) || english;
  return english;
}
