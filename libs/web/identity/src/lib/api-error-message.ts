import type { HttpErrorResponse } from '@angular/common/http';

/** The explanation an API error carries (`{statusCode, message, error}`), if it carries one. */
export function apiErrorMessage(error: HttpErrorResponse): string | null {
  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.filter((m) => typeof m === 'string').join('; ') || null;
  }
  return null;
}
