import { HttpClient, HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { apiErrorMessage } from '@bt/web/ui/refusals';
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
    .document-download { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 8px 0; }
    .document-download mat-progress-spinner { display: inline-block; margin-right: 8px; vertical-align: middle; }
    .document-download__status { font-size: 0.875rem; }
    .document-download__problem { flex-basis: 100%; margin: 0; color: var(--mat-sys-error); }
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

  protected download(format: Format): void {
    if (this.working()) return;
    this.working.set(format);
    this.problem.set(null);
    const url = `${this.url()}${this.url().includes('?') ? '&' : '?'}format=${format}&lang=${this.language}`;
    this.http.get(url, { observe: 'response', responseType: 'blob' }).subscribe({
      next: (response) => {
        this.working.set(null);
        save(response, `document.${format}`);
      },
      error: (error: unknown) => void this.failed(error),
    });
  }

  /** The error body of a blob request arrives as a Blob: read it as the JSON it is, for the API's reason. */
  private async failed(error: unknown): Promise<void> {
    let reason: string | null = null;
    if (error instanceof HttpErrorResponse) {
      let body: unknown = error.error;
      if (body instanceof Blob) body = await body.text().then((text) => JSON.parse(text) as unknown, () => null);
      reason = apiErrorMessage(new HttpErrorResponse({ error: body, status: error.status, statusText: error.statusText, url: error.url ?? undefined }));
    }
    this.working.set(null);
    this.problem.set(reason ?? $localize`:@@documentDownload.failed:The document could not be generated. Try again.`);
  }
}

/** Saves the answer as a file under the name its Content-Disposition gives. */
function save(response: HttpResponse<Blob>, fallback: string): void {
  const disposition = response.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  const name = utf8 ? decodeURIComponent(utf8) : (plain ?? fallback);
  const href = URL.createObjectURL(response.body ?? new Blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
