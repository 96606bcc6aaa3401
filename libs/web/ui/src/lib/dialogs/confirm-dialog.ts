import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { filter, type Observable } from 'rxjs';

export interface ConfirmDialogData {
  readonly title: string;
  readonly message: string;
  /** The confirming button's words: the action itself ("Disable"), never a bare "OK". */
  readonly confirm: string;
}

/** Asks before an action that cannot simply be undone; closes with true only when confirmed. */
@Component({
  selector: 'bt-confirm-dialog',
  imports: [MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="false" cdkFocusInitial i18n="Button that closes a confirmation without acting@@confirm.cancel">
        Cancel
      </button>
      <button matButton="filled" type="button" class="confirm-dialog__confirm" [mat-dialog-close]="true">{{ data.confirm }}</button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Asks in a ConfirmDialog; emits once when the reader confirms, nothing when they cancel or close it. */
export function confirmed(dialog: MatDialog, data: ConfirmDialogData): Observable<true> {
  return dialog
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
    .afterClosed()
    .pipe(filter((answer): answer is true => answer === true));
}
