import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { FileDrop, UploadLimit } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { MissionsPagesApi } from '../../missions-api';

/** What the API takes for a mission's documents (it decides by the file's bytes; this narrows the chooser). */
const DOCUMENT_TYPES = '.pdf,.docx,.odt';

/**
 * Uploads a mission's terms of reference or report: the app's file picker (a zone to drop the file
 * on, or a button), then a real progress bar; a refusal is shown in words under it.
 */
@Component({
  selector: 'bt-mission-document-upload',
  imports: [FileDrop, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../missions.scss',
  template: `
    <bt-file-drop [accepted]="accepted" [hintId]="hintId()" [choose]="choose()" [disabled]="percent() !== null" (chosen)="send($event)">
      @if (limit(); as limit) {
        <ng-container i18n="Hint under the picker of a mission's document@@missionPage.upload.hint">PDF, DOCX or ODT, up to {{ limit }}</ng-container>
      } @else {
        <ng-container i18n="@@missionPage.upload.hintNoLimit">PDF, DOCX or ODT</ng-container>
      }
    </bt-file-drop>
    <div aria-live="polite">
      @if (percent() !== null) {
        <mat-progress-bar mode="determinate" [value]="percent()" i18n-aria-label="@@missionPage.upload.progress" aria-label="Uploading the document" />
      }
      @if (problem(); as problem) {
        <p class="error" role="alert">{{ problem }}</p>
      }
    </div>
  `,
})
export class MissionDocumentUpload {
  readonly missionId = input.required<string>();
  readonly what = input.required<'report' | 'terms-of-reference'>();
  /** The picker's button, naming the document. */
  readonly choose = input.required<string>();
  readonly uploaded = output<void>();

  private readonly api = inject(MissionsPagesApi);
  protected readonly limit = inject(UploadLimit).label;
  protected readonly accepted = DOCUMENT_TYPES;
  protected readonly hintId = computed(() => `${this.what()}-hint`);
  /** The upload under way (0–100), or null. */
  protected readonly percent = signal<number | null>(null);
  protected readonly problem = signal<string | null>(null);

  protected send(file: File): void {
    if (this.percent() !== null) return;
    this.problem.set(null);
    this.percent.set(0);
    this.api.upload(this.missionId(), this.what(), file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) this.percent.set(event.total ? Math.round((100 * event.loaded) / event.total) : 0);
        if (event.type === HttpEventType.Response) {
          this.percent.set(null);
          this.uploaded.emit();
        }
      },
      error: (error: unknown) => {
        this.percent.set(null);
        this.problem.set(
          (error instanceof HttpErrorResponse && apiErrorMessage(error)) || $localize`:@@missionPage.upload.error:The document could not be uploaded.`,
        );
      },
    });
  }
}
