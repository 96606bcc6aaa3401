import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { TrackRecordImportErrorDto, TrackRecordImportResultDto } from '@bt/contracts';
import { TRACK_RECORD_COLUMNS } from '@bt/contracts/values';
import { FileDrop } from '@bt/web/ui';
import { apiErrorMessage, reasonText } from '@bt/web/ui/refusals';
import { TrackRecordsApi } from './track-records-api';

export interface ImportTrackRecordsDialogData {
  readonly code: string;
  readonly templateUrl: string;
}

/** What the API reads (it decides by the bytes; this only narrows the file picker). */
/** The template's columns, in order (headers are matched case-insensitively). */
const COLUMNS = TRACK_RECORD_COLUMNS;

const SHEET_TYPES = ['.xlsx', '.csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'].join(',');

type Import =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly percent: number }
  | { readonly kind: 'refused'; readonly message: string; readonly errors: readonly TrackRecordImportErrorDto[] };

/**
 * Imports a track-record sheet: uploads it with its progress; a sheet with any bad row is refused as
 * a whole, and the dialog lists every problem by row and column so it can be fixed in one go.
 */
@Component({
  selector: 'bt-import-track-records-dialog',
  imports: [MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatProgressBar, FileDrop],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="@@trackRecords.import.title">Import track records</h2>
    <form (submit)="$event.preventDefault(); send()" novalidate>
      <mat-dialog-content class="dialog-form">
        <p class="dialog-form__intro" i18n="@@trackRecords.import.intro">
          An XLSX or CSV sheet for benchmark {{ data.code }}, one figure per row under a header row with the columns {{ columns }}. A series is matched by its
          name; a figure by its period (a year such as 2019 or a quarter such as 2020-Q1) and replaced if it exists. If any row has a problem, nothing is
          imported.
        </p>
        <p><a matButton [href]="data.templateUrl" download i18n="@@trackRecords.import.template">Download the template</a></p>
        <bt-file-drop [accepted]="sheetTypes" [hintId]="hintId" [choose]="chooseLabel" [disabled]="state().kind === 'uploading'" (chosen)="chosen($event)">
          <ng-container i18n="@@trackRecords.import.file">Sheet (XLSX or CSV)</ng-container>
        </bt-file-drop>
        <p class="file-field__chosen" aria-live="polite">
          @if (file(); as file) {
            <ng-container i18n="The sheet chosen for import; its file name follows@@trackRecords.import.chosen">Chosen: {{ file.name }}</ng-container>
          }
        </p>
        <div class="progress-slot">
          @if (state().kind === 'uploading') {
            <mat-progress-bar mode="determinate" [value]="percent()" i18n-aria-label="@@trackRecords.import.progress" aria-label="Uploading the sheet" />
          }
        </div>
        @if (refusal(); as refusal) {
          <div class="dialog-error" role="alert">
            <p>{{ refusal.message }}</p>
          </div>
          @if (refusal.errors.length) {
            <table class="import-errors">
              <caption i18n="@@trackRecords.import.errors.caption">
                Problems in the sheet
              </caption>
              <thead>
                <tr>
                  <th scope="col" i18n="@@trackRecords.import.errors.row">Row</th>
                  <th scope="col" i18n="@@trackRecords.import.errors.column">Column</th>
                  <th scope="col" i18n="@@trackRecords.import.errors.message">Problem</th>
                </tr>
              </thead>
              <tbody>
                @for (error of refusal.errors; track $index) {
                  <tr>
                    <td>{{ error.row }}</td>
                    <td>{{ error.column ?? '—' }}</td>
                    <td>{{ problemText(error) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@workflow.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" [disabled]="state().kind === 'uploading'" i18n="@@trackRecords.import.submit">Import</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .file-field__chosen {
      min-height: 1.5em;
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    .progress-slot {
      height: 4px;
      margin: 8px 0;
    }
    .import-errors {
      border-collapse: collapse;
      width: 100%;
      margin-top: 8px;
    }
    .import-errors caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    .import-errors th,
    .import-errors td {
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
      vertical-align: top;
    }
  `,
  styleUrl: '../benchmark-dialog.scss',
})
export class ImportTrackRecordsDialog {
  protected readonly data = inject<ImportTrackRecordsDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(TrackRecordsApi);
  private readonly dialog = inject<MatDialogRef<ImportTrackRecordsDialog, TrackRecordImportResultDto>>(MatDialogRef);

  protected readonly sheetTypes = SHEET_TYPES;
  protected readonly columns = COLUMNS.join(', ');
  protected readonly state = signal<Import>({ kind: 'idle' });
  /** The sheet chosen (dropped or picked), sent by Import. */
  protected readonly file = signal<File | null>(null);
  protected readonly hintId = 'track-records-sheet-hint';
  protected readonly chooseLabel = $localize`:Button opening the file chooser for a track-record sheet@@trackRecords.import.choose:Choose a sheet`;
  protected readonly percent = computed(() => {
    const state = this.state();
    return state.kind === 'uploading' ? state.percent : 0;
  });
  protected readonly refusal = computed(() => {
    const state = this.state();
    return state.kind === 'refused' ? state : null;
  });

  /** A problem of the sheet in the reader's language (its English message for a code this app does not know). */
  protected problemText(problem: TrackRecordImportErrorDto): string {
    return reasonText(problem);
  }

  protected chosen(file: File): void {
    this.file.set(file);
    if (this.state().kind === 'refused') this.state.set({ kind: 'idle' });
  }

  protected send(): void {
    if (this.state().kind === 'uploading') return;
    const file = this.file();
    if (!file) {
      this.state.set({ kind: 'refused', message: $localize`:@@trackRecords.import.noFile:Choose a sheet first.`, errors: [] });
      return;
    }
    this.state.set({ kind: 'uploading', percent: 0 });
    this.api.import(this.data.code, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.state.set({ kind: 'uploading', percent: event.total ? Math.round((100 * event.loaded) / event.total) : 0 });
        } else if (event.type === HttpEventType.Response && event.body) {
          this.dialog.close(event.body);
        }
      },
      error: (error: unknown) => {
        const body = error instanceof HttpErrorResponse ? (error.error as { errors?: TrackRecordImportErrorDto[] } | null) : null;
        this.state.set({
          kind: 'refused',
          // The problems are listed in the table, each in the reader's language, not after the refusal.
          message:
            (error instanceof HttpErrorResponse && apiErrorMessage(error, { items: false })) ||
            $localize`:@@trackRecords.import.failed:The sheet could not be imported. Please try again.`,
          errors: Array.isArray(body?.errors) ? body.errors : [],
        });
      },
    });
  }
}
