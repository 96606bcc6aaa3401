import { ChangeDetectionStrategy, Component, input, output, type Signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';

/** A save in progress and its refusal: a DialogSave, or a dialog's own signals of the same names. */
export interface SaveState {
  readonly saving: Signal<boolean>;
  readonly problem: Signal<string | null>;
}

/**
 * The frame of a dialog that saves a form: its title (`<h2 mat-dialog-title>`), the form around the
 * fields, the progress bar while saving and the refusal block, then the buttons (`<mat-dialog-actions>`,
 * whose submit button saves). The dialog keeps its fields, its words and its DialogSave; a dialog with a
 * FormGroup puts `[formGroup]` here, so that its fields find it and its errors show once submitted:
 *
 *   <bt-form-dialog [submission]="submission" savingLabel="Saving the note" i18n-savingLabel="@@…" (formSubmit)="save()">
 *     <h2 mat-dialog-title i18n="@@…">Note progress</h2>
 *     …fields…
 *     <mat-dialog-actions align="end">…Cancel, Save…</mat-dialog-actions>
 *   </bt-form-dialog>
 */
@Component({
  selector: 'bt-form-dialog',
  imports: [MatDialogContent, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-content select="[mat-dialog-title]" />
    <form (submit)="$event.preventDefault(); formSubmit.emit()" novalidate>
      <mat-dialog-content class="dialog-form" [style.min-width]="'min(' + minWidth() + ', 80vw)'">
        <ng-content />
        <div class="progress-slot">
          @if (submission().saving() || busy()) {
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="savingLabel()" />
          }
        </div>
        @if (submission().problem(); as problem) {
          <p class="dialog-error" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <ng-content select="mat-dialog-actions" />
    </form>
  `,
  styles: `
    /* Material lays out the title, content and actions of a dialog as its surface's children. */
    :host {
      display: contents;
    }
    .dialog-form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .progress-slot {
      height: 4px;
    }
    .dialog-error {
      margin: 8px 0 0;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class FormDialog {
  /** The dialog's save (a DialogSave): whether it is running and the refusal to show. */
  readonly submission = input.required<SaveState>();
  /** What the progress bar says while saving ("Saving the note"). */
  readonly savingLabel = input.required<string>();
  /** Something else under way that the progress bar shows too (the dialog's choices loading). */
  readonly busy = input(false);
  /** The narrowest the dialog gets on a wide screen (never wider than 80 % of the window). */
  readonly minWidth = input('32rem');
  /** The form was submitted (Enter in a field, or the submit button). */
  readonly formSubmit = output<void>();
}

/**
 * What a component imports for a dialog that saves a form: the frame, reactive forms, the title,
 * the buttons and text fields (a select, a checkbox or a date field it imports beside).
 */
export const FORM_DIALOG = [
  FormDialog,
  ReactiveFormsModule,
  MatDialogTitle,
  MatDialogActions,
  MatDialogClose,
  MatButton,
  MatFormField,
  MatLabel,
  MatHint,
  MatError,
  MatInput,
] as const;
