import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { saveDownload } from '@bt/web/ui/refusals';
import { CURRENT_LANGUAGE } from '../language/language';

type Format = 'docx' | 'pdf';

/**
 * "Download as Word / PDF" of a generated document (`GET {url}?format=…&lang=…`): the API builds it
 * on request, which takes a moment for a whole chapter, so the button shows that it is working and
 * the file is saved when it has arrived (under the API's file name); a refusal shows the API's reason.
 * The document comes in the app's language.
 */
@Component({
  selector: 'bt-document-download',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatIcon, MatProgressSpinner],
  template: `
    <div class="document-download no-print" role="group" [attr.aria-label]="label()">
      @for (format of formats; track format.format) {
        <button matButton="outlined" type="button" [disabled]="working() !== null" (click)="download(format.format)" [attr.data-format]="format.format">
          @if (working() === format.format) {
            <mat-progress-spinner mode="indeterminate" diameter="18" aria-hidden="true" />
          } @else {
            <mat-icon aria-hidden="true">download</mat-icon>
          }
          {{ format.label }}
        </button>
      }
      <span class="document-download__status" role="status">
        @if (working()) {
          <ng-container i18n="@@documentDownload.working">Preparing the document…</ng-container>
        }
      </span>
      @if (problem(); as problem) {
        <p class="document-download__problem" role="alert">{{ problem }}</p>
      }
    </div>
  `,
  styles: `
    .document-download {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
    }
    .document-download mat-progress-spinner {
      display: inline-block;
      margin-right: 8px;
      vertical-align: middle;
    }
    .document-download__status {
      font-size: 0.875rem;
    }
    .document-download__problem {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class DocumentDownload {
  private readonly http = inject(HttpClient);
  private readonly language = inject(CURRENT_LANGUAGE);

  /** The document's address without its format, e.g. `/api/benchmarks/RS-24-MIG-02/report`; a query may follow (`?country=RS&…`). */
  readonly url = input.required<string>();
  /** What the buttons download, for screen readers (e.g. "The benchmark dossier"). */
  readonly label = input.required<string>();

  protected readonly formats: { format: Format; label: string }[] = [
    { format: 'docx', label: $localize`:Button of a generated document@@documentDownload.docx:Download as Word` },
    { format: 'pdf', label: $localize`:Button of a generated document@@documentDownload.pdf:Download as PDF` },
  ];
  protected readonly working = signal<Format | null>(null);
  protected readonly problem = signal<string | null>(null);

  protected async download(format: Format): Promise<void> {
    if (this.working()) return;
    this.working.set(format);
    this.problem.set(null);
    const url = `${this.url()}${this.url().includes('?') ? '&' : '?'}format=${format}&lang=${this.language}`;
    const failed = await saveDownload(this.http, url, `document.${format}`);
    this.working.set(null);
    if (failed) this.problem.set(failed.refused ?? $localize`:@@documentDownload.failed:The document could not be generated. Try again.`);
  }
}
