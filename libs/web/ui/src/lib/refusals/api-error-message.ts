import type { HttpErrorResponse } from '@angular/common/http';
import { reasonText } from './refusal-texts';

/**
 * The explanation an API error carries (`{statusCode, code, params, message}`), in the reader's
 * language when the app knows its code, else the API's English message; null when it carries none.
 * Itemised problems (`errors`, each with its own code) follow it, each in the reader's language,
 * unless `items: false` (a view that lists them itself, such as the track-record import's table).
 */
export function apiErrorMessage(error: HttpErrorResponse, options: { items?: boolean } = {}): string | null {
  const body: unknown = error.error;
  if (!body || typeof body !== 'object') return null;
  const { code, params, message, errors } = body as { code?: unknown; params?: unknown; message?: unknown; errors?: unknown };
  const english = typeof message === 'string' ? message : Array.isArray(message) ? message.filter((m) => typeof m === 'string').join('; ') || null : null;
  const main = typeof code === 'string' ? reasonText({ code, params: paramsOf(params), message: english ?? '' }) || english : english;
  const items = options.items === false ? [] : itemTexts(errors);
  return [main, ...items].filter((text) => !!text).join(' ') || null;
}

/** The itemised problems of an error body in the reader's language (their English message for a code this app does not know). */
export function itemTexts(errors: unknown): string[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const { code, params, message } = item as { code?: unknown; params?: unknown; message?: unknown };
    const english = typeof message === 'string' ? message : '';
    const text = typeof code === 'string' ? reasonText({ code, params: paramsOf(params), message: english }) : english;
    return text ? [text] : [];
  });
}

function paramsOf(params: unknown): Record<string, string | number> {
  return params && typeof params === 'object' ? (params as Record<string, string | number>) : {};
}
