import { HttpErrorResponse } from '@angular/common/http';
import { catchError, map, type Observable, of, type OperatorFunction, scan, startWith, switchMap } from 'rxjs';

/** What a page knows about a value it loads: whether a load runs, the last value, the last error. */
export interface LoadState<T> {
  readonly loading: boolean;
  readonly value: T | undefined;
  readonly error: HttpErrorResponse | undefined;
}

export const LOADING: LoadState<never> = { loading: true, value: undefined, error: undefined };

/**
 * Loads a value for each request, dropping the answer to a request that a newer one replaced.
 * While the next value loads, the last one stays on screen; an error replaces it.
 */
export function loadEach<R, T>(load: (request: R) => Observable<T>): OperatorFunction<R, LoadState<T>> {
  return (requests) =>
    requests.pipe(
      switchMap((request) =>
        load(request).pipe(
          map((value): LoadState<T> => ({ loading: false, value, error: undefined })),
          catchError((error: unknown) => {
            if (error instanceof HttpErrorResponse) {
              return of<LoadState<T>>({ loading: false, value: undefined, error });
            }
            throw error;
          }),
          startWith(LOADING),
        ),
      ),
      scan(
        (previous: LoadState<T>, next: LoadState<T>): LoadState<T> => (next.loading ? { loading: true, value: previous.value, error: undefined } : next),
        LOADING,
      ),
    );
}
