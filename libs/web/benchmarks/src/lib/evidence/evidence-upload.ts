import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { EvidenceDto } from '@bt/contracts';
import { FileDrop, UploadLimit } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { EvidenceApi } from './evidence-api';

/** What the API accepts (it decides by the file's bytes; this only narrows the file picker). */
const ACCEPTED = '.pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.csv,.txt';

type Upload =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly fileName: string; readonly percent: number }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Adds a file to an evidence item: dropped on the zone or chosen with the button (FileDrop), uploaded with a
 * real progress bar (upload progress events of HttpClient). Each upload is a new version of the item.
 */
@Component({
  selector: 'bt-evidence-upload',
  imports: [FileDrop, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-file-drop [accepted]="accepted" [hintId]="hintId()" [disabled]="uploading()" (chosen)="send($event)">
      @if (limit(); as limit) {
        <ng-container i18n="@@evidence.upload.hint">PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, CSV or TXT, up to {{ limit }}</ng-container>
      } @else {
        <ng-container i18n="@@evidence.upload.hintNoLimit">PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, CSV or TXT</ng-container>
      }
    </bt-file-drop>
    <div class="upload-status" aria-live="polite">
      @switch (upload().kind) {
        @case ('uploading') {
          <mat-progress-bar mode="determinate" [value]="percent()" [attr.aria-label]="progressLabel()" />
          <span class="upload-status__text">{{ progressLabel() }}</span>
        }
        @case ('failed') {
          <p class="upload-status__error" role="alert">{{ failure() }}</p>
        }
      }
    </div>
  `,
  styles: `
    .upload-status {
      margin-top: 8px;
    }
    .upload-status__text {
      font: var(--mat-sys-body-small);
    }
    .upload-status__error {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class EvidenceUpload {
  readonly evidence = input.required<EvidenceDto>();
  /** The item with the new file (a new version). */
  readonly uploaded = output<EvidenceDto>();

  private readonly api = inject(EvidenceApi);
  protected readonly limit = inject(UploadLimit).label;

  protected readonly accepted = ACCEPTED;
  protected readonly upload = signal<Upload>({ kind: 'idle' });
  protected readonly uploading = computed(() => this.upload().kind === 'uploading');
  protected readonly hintId = computed(() => `evidence-upload-hint-${this.evidence().id}`);
  protected readonly percent = computed(() => {
    const upload = this.upload();
    return upload.kind === 'uploading' ? upload.percent : 0;
  });
  protected readonly progressLabel = computed(() => {
    const upload = this.upload();
    return upload.kind === 'uploading'
      ? $localize`:Upload progress of a file@@evidence.upload.progress:Uploading ${upload.fileName}:file: — ${upload.percent}:percent: %`
      : '';
  });
  protected readonly failure = computed(() => {
    const upload = this.upload();
    return upload.kind === 'failed' ? upload.message : '';
  });

  protected send(file: File): void {
    if (this.uploading()) return;
    this.upload.set({ kind: 'uploading', fileName: file.name, percent: 0 });
    this.api.addFile(this.evidence().id, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const percent = event.total ? Math.round((100 * event.loaded) / event.total) : 0;
          this.upload.set({ kind: 'uploading', fileName: file.name, percent });
        } else if (event.type === HttpEventType.Response && event.body) {
          this.upload.set({ kind: 'idle' });
          this.uploaded.emit(event.body);
        }
      },
      error: (error: unknown) => this.upload.set({ kind: 'failed', message: uploadProblem(error, this.limit()) }),
    });
  }
}

/** Why an upload failed, in words; 413, 415 and 422 are the user's to fix. */
export function uploadProblem(error: unknown, limit: string | null): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 413) {
      return limit
        ? $localize`:@@evidence.upload.tooLarge:The file is larger than the upload limit (${limit}:limit:). Make it smaller and try again.`
        : $localize`:@@evidence.upload.tooLargeNoLimit:The file is larger than the upload limit. Make it smaller and try again.`;
    }
    if (error.status === 415)
      return $localize`:@@evidence.upload.wrongType:This kind of file is not accepted: its contents are not a PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, CSV or TXT file.`;
    if (error.status === 422) return $localize`:@@evidence.upload.empty:The file is empty.`;
    const detail = apiErrorMessage(error);
    if (detail) return detail;
  }
  return $localize`:@@evidence.upload.failed:The file could not be uploaded. Please try again.`;
}
