import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { apiErrorMessage } from './api-error-message';

/**
 * A dialog's save: whether it is running, the problem to show, and the one way to run it — a second
 * click while saving does nothing, and a refusal shows the API's own message (403/409/422 explain
 * themselves) or else the dialog's fallback.
 */
export class DialogSave {
  readonly saving = signal(false);
  readonly problem = signal<string | null>(null);

  /** `handled` may take an error itself (e.g. mark a form field) and answer true. */
  run<T>(request: Observable<T>, done: (result: T) => void, fallback: string, handled?: (error: HttpErrorResponse) => boolean): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.problem.set(null);
    request.subscribe({
      next: (result) => {
        this.saving.set(false);
        done(result);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && handled?.(error)) return;
        this.problem.set((error instanceof HttpErrorResponse && apiErrorMessage(error)) || fallback);
      },
    });
  }
}
