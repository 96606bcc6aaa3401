import { DestroyRef, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { CanDeactivateFn } from '@angular/router';
import { map, type Observable, of } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '@bt/web/ui/dialogs';

/** A page whose forms may hold typed text that is not saved yet. */
export interface HoldsUnsavedWork {
  hasUnsavedWork(): boolean;
}

/**
 * A route's `canDeactivate`: leaving a page (a link, Back, signing out) that holds unsaved work asks
 * first, and stays on the page unless the person chooses to leave. A page holding nothing leaves at once.
 * (Closing the tab or reloading is asked by the browser: see `askBeforeUnload`.)
 */
export const askBeforeLeaving: CanDeactivateFn<HoldsUnsavedWork> = (page): Observable<boolean> => {
  if (!page?.hasUnsavedWork()) return of(true);
  return inject(MatDialog)
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data: {
        title: $localize`:Title of the question asked before leaving a page with unsaved changes@@unsaved.leave.title:Leave this page?`,
        message: $localize`:@@unsaved.leave.message:What you entered on this page has not been saved. If you leave, it is lost.`,
        confirm: $localize`:Button that leaves a page and throws its unsaved changes away@@unsaved.leave.confirm:Leave the page`,
      },
    })
    .afterClosed()
    .pipe(map((leave) => leave === true));
};

/**
 * Reloading or closing the tab while `unsaved()` holds: the browser asks (in its own words) before
 * the page goes. Called in a page component's constructor (it injects); stops when the page is gone.
 */
export function askBeforeUnload(unsaved: () => boolean): void {
  const ask = (event: BeforeUnloadEvent) => {
    if (!unsaved()) return;
    event.preventDefault();
    // Older browsers ask only when a value is returned.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', ask);
  inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', ask));
}
