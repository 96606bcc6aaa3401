import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { BenchmarkDetailDto, MissionDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { DisplayDatePipe, FileDrop, fileSize, UploadLimit } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { mayDownloadReport, mayUploadReport } from '../benchmark-participation';
import { MissionsApi } from './missions-api';

/** What the API takes as a mission report (it decides by the file's bytes; this only narrows the file picker). */
const REPORT_TYPES = [
  '.pdf',
  '.docx',
  '.odt',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
].join(',');

type Upload =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly percent: number }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The benchmark's peer-review mission: its dates, its experts and its report. An expert of the
 * mission or the Commission uploads the report during the peer review, with the upload's progress.
 */
@Component({
  selector: 'bt-mission-section',
  imports: [DisplayDatePipe, FileDrop, MatProgressBar, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mission-section.html',
  styleUrls: ['../section.scss', './mission-section.scss'],
})
export class MissionSection {
  readonly benchmark = input.required<BenchmarkDetailDto>();
  readonly mission = input.required<MissionDto>();
  /** The report was uploaded: the page reloads the benchmark (submitting the report depends on it). */
  readonly changed = output<void>();

  private readonly api = inject(MissionsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(AuthSession).me;

  protected readonly reportTypes = REPORT_TYPES;
  protected readonly hintId = 'mission-report-hint';
  protected readonly chooseLabel = $localize`:Button that opens the file chooser for a mission's report@@missionPage.report.choose:Choose the mission report`;
  protected readonly fileSize = fileSize;
  protected readonly limit = inject(UploadLimit).label;
  protected readonly mayUpload = computed(() => mayUploadReport(this.me(), this.benchmark()));
  protected readonly mayDownload = computed(() => mayDownloadReport(this.me(), this.benchmark()));
  protected readonly reportUrl = computed(() => `/api/missions/${encodeURIComponent(this.mission().id)}/report`);
  protected readonly upload = signal<Upload>({ kind: 'idle' });
  protected readonly uploading = computed(() => this.upload().kind === 'uploading');
  protected readonly percent = computed(() => {
    const upload = this.upload();
    return upload.kind === 'uploading' ? upload.percent : upload.kind === 'done' ? 100 : 0;
  });

  /** Uploads the file chosen (dropped or picked) at once, as the evidence and the mission page do. */
  protected send(file: File): void {
    if (this.uploading()) return;
    this.upload.set({ kind: 'uploading', percent: 0 });
    this.api.uploadReport(this.mission().id, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const percent = event.total ? Math.round((100 * event.loaded) / event.total) : 0;
          this.upload.set({ kind: 'uploading', percent });
        } else if (event.type === HttpEventType.Response) {
          this.upload.set({ kind: 'done' });
          this.snackBar.open($localize`:@@mission.upload.done:Mission report uploaded.`, undefined, { duration: 5000 });
          this.changed.emit();
        }
      },
      error: (error: unknown) => this.upload.set({ kind: 'failed', message: uploadProblem(error, this.limit()) }),
    });
  }
}

/** Why an upload failed, in words; 413 and 415 are the user's to fix. */
export function uploadProblem(error: unknown, limit: string | null): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 413) {
      return limit
        ? $localize`:@@mission.upload.tooLarge:The file is too large. A mission report may have up to ${limit}:limit:; make it smaller, e.g. by compressing its images, and try again.`
        : $localize`:@@mission.upload.tooLargeNoLimit:The file is too large for the upload limit; make it smaller, e.g. by compressing its images, and try again.`;
    }
    if (error.status === 415) {
      return $localize`:@@mission.upload.wrongType:This file is not a PDF, DOCX or ODT document. Save the report in one of these formats and try again.`;
    }
    const detail = apiErrorMessage(error);
    if (detail) return detail;
  }
  return $localize`:@@mission.upload.failed:The report could not be uploaded. Please try again.`;
}
