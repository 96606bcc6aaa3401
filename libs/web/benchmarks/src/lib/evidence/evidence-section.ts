import type { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatChip } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { BenchmarkDetailDto, EvidenceDto, StoredFileDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { filter } from 'rxjs';
import { DisplayDatePipe, fileSize, loadEach, LOADING } from '@bt/web/ui';
import { EvidenceNarrative } from '@bt/web/ui/markdown';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { mayAddEvidence } from '../benchmark-participation';
import { AddEvidenceDialog, type AddEvidenceDialogData } from './add-evidence-dialog';
import { EvidenceApi, evidenceFileUrl } from './evidence-api';
import { EvidenceUpload } from './evidence-upload';
import { EvidenceVersionsDialog, type EvidenceVersionsDialogData } from './evidence-versions-dialog';
import { visibilityLabel } from './evidence-visibility';

/**
 * The benchmark's evidence this user may see: narrative (Markdown), period, sub-requirements, links
 * and files with their kind and SHA-256, each item's versions. The ministry of the country adds,
 * edits and uploads while the benchmark is a draft.
 */
@Component({
  selector: 'bt-evidence-section',
  imports: [DisplayDatePipe, MatButton, MatChip, MatIcon, MatProgressBar, EvidenceNarrative, EvidenceUpload],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './evidence-section.html',
  styleUrls: ['../section.scss', './evidence-section.scss'],
})
export class EvidenceSection {
  readonly benchmark = input.required<BenchmarkDetailDto>();
  /** Evidence was added or changed: the page reloads the benchmark (whether it can be submitted depends on it). */
  readonly changed = output<void>();

  private readonly api = inject(EvidenceApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(AuthSession).me;

  protected readonly evidence = toSignal(toObservable(this.benchmark).pipe(loadEach((benchmark: BenchmarkDetailDto) => this.api.list(benchmark.code))), {
    initialValue: LOADING,
  });
  protected readonly items = computed<readonly EvidenceDto[]>(() => this.evidence().value ?? []);
  protected readonly mayAdd = computed(() => mayAddEvidence(this.me(), this.benchmark()));
  protected readonly errorDetail = computed(() => {
    const error = this.evidence().error;
    return error ? apiErrorMessage(error) : null;
  });
  private readonly subRequirementCodes = computed(() => new Map(this.benchmark().subRequirements.map((s) => [s.id, s.code])));
  protected readonly visibilityLabel = visibilityLabel;
  protected readonly fileSize = fileSize;

  protected codes(item: EvidenceDto): string {
    return item.subRequirementIds.map((id) => this.subRequirementCodes().get(id) ?? id).join(', ');
  }

  protected fileUrl(item: EvidenceDto, file: StoredFileDto): string {
    return evidenceFileUrl(item.id, file.id);
  }

  protected add(): void {
    this.openEditor(undefined).subscribe((added) => {
      this.snackBar.open($localize`:@@evidence.added:Evidence “${added.title}:title:” added.`, undefined, { duration: 5000 });
      this.changed.emit();
    });
  }

  protected edit(item: EvidenceDto): void {
    this.openEditor(item).subscribe((saved) => {
      this.snackBar.open($localize`:@@evidence.saved:Version ${saved.version}:version: of “${saved.title}:title:” saved.`, undefined, { duration: 5000 });
      this.changed.emit();
    });
  }

  protected showVersions(item: EvidenceDto): void {
    this.dialog.open<EvidenceVersionsDialog, EvidenceVersionsDialogData>(EvidenceVersionsDialog, { data: { item }, width: '48rem' });
  }

  protected uploaded(item: EvidenceDto): void {
    const file = item.files[item.files.length - 1];
    this.snackBar.open($localize`:@@evidence.fileAdded:“${file?.fileName ?? ''}:file:” added to “${item.title}:title:”.`, undefined, { duration: 5000 });
    this.changed.emit();
  }

  protected removeFile(item: EvidenceDto, file: StoredFileDto): void {
    this.api.removeFile(item.id, file.id).subscribe({
      next: () => {
        this.snackBar.open($localize`:@@evidence.fileRemoved:“${file.fileName}:file:” removed; earlier versions keep it.`, undefined, { duration: 5000 });
        this.changed.emit();
      },
      error: (error: HttpErrorResponse) =>
        this.snackBar.open(apiErrorMessage(error) || $localize`:@@evidence.fileRemoveFailed:The file could not be removed.`, undefined, { duration: 8000 }),
    });
  }

  private openEditor(item: EvidenceDto | undefined) {
    return this.dialog
      .open<AddEvidenceDialog, AddEvidenceDialogData, EvidenceDto>(AddEvidenceDialog, {
        data: { code: this.benchmark().code, subRequirements: this.benchmark().subRequirements, item },
      })
      .afterClosed()
      .pipe(filter((saved): saved is EvidenceDto => !!saved));
  }
}
