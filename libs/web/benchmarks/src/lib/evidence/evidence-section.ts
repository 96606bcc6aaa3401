import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatChip } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { BenchmarkDetailDto, EvidenceDto } from '@bt/contracts';
import { apiErrorMessage, AuthSession } from '@bt/web/identity';
import { filter } from 'rxjs';
import { mayAddEvidence } from '../benchmark-participation';
import { DisplayDatePipe } from '../display-date.pipe';
import { LOADING, loadEach } from '../load-state';
import { AddEvidenceDialog, type AddEvidenceDialogData } from './add-evidence-dialog';
import { EvidenceApi } from './evidence-api';
import { visibilityLabel } from './evidence-visibility';

/** The benchmark's evidence this user may see; the ministry of the country adds more while it is a draft. */
@Component({
  selector: 'bt-evidence-section',
  imports: [DisplayDatePipe, MatButton, MatChip, MatIcon, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './evidence-section.html',
  styleUrl: '../section.scss',
})
export class EvidenceSection {
  readonly benchmark = input.required<BenchmarkDetailDto>();
  /** Evidence was added: the page reloads the benchmark (whether it can be submitted depends on it). */
  readonly changed = output<void>();

  private readonly api = inject(EvidenceApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(AuthSession).me;

  protected readonly evidence = toSignal(
    toObservable(this.benchmark).pipe(loadEach((benchmark: BenchmarkDetailDto) => this.api.list(benchmark.code))),
    { initialValue: LOADING },
  );
  protected readonly items = computed<readonly EvidenceDto[]>(() => this.evidence().value ?? []);
  protected readonly mayAdd = computed(() => mayAddEvidence(this.me(), this.benchmark()));
  protected readonly errorDetail = computed(() => {
    const error = this.evidence().error;
    return error ? apiErrorMessage(error) : null;
  });
  protected readonly visibilityLabel = visibilityLabel;

  protected add(): void {
    this.dialog
      .open<AddEvidenceDialog, AddEvidenceDialogData, EvidenceDto>(AddEvidenceDialog, {
        data: { code: this.benchmark().code },
      })
      .afterClosed()
      .pipe(filter((added): added is EvidenceDto => !!added))
      .subscribe((added) => {
        this.snackBar.open($localize`:@@evidence.added:Evidence “${added.title}:title:” added.`, undefined, { duration: 5000 });
        this.changed.emit();
      });
  }
}
