import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatChip } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { BenchmarkDetailDto, ProposalDto } from '@bt/contracts';
import { apiErrorMessage, AuthSession } from '@bt/web/identity';
import { filter } from 'rxjs';
import { mayAnswerProposals, mayPropose } from '../benchmark-participation';
import { DisplayDatePipe } from '../display-date.pipe';
import { LOADING, loadEach } from '../load-state';
import { AddProposalDialog, type AddProposalDialogData } from './add-proposal-dialog';
import { AnswerProposalDialog, type AnswerProposalDialogData } from './answer-proposal-dialog';
import { decisionLabel } from './proposal-decisions';
import { ProposalsApi } from './proposals-api';

/**
 * The civil-society proposals on the benchmark with whether and how the ministry answered them. The
 * country's civil society (and the Commission) add proposals; the country's ministry answers them.
 * Hidden for whoever takes no part in the benchmark's dialogue (the API answers 404).
 */
@Component({
  selector: 'bt-proposals-section',
  imports: [DisplayDatePipe, MatButton, MatChip, MatIcon, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './proposals-section.html',
  styleUrls: ['../section.scss', './proposals-section.scss'],
})
export class ProposalsSection {
  readonly benchmark = input.required<BenchmarkDetailDto>();
  /** A proposal was added or answered: the page reloads the benchmark (submitting depends on it). */
  readonly changed = output<void>();

  private readonly api = inject(ProposalsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(AuthSession).me;

  protected readonly proposals = toSignal(
    toObservable(this.benchmark).pipe(loadEach((benchmark: BenchmarkDetailDto) => this.api.list(benchmark.code))),
    { initialValue: LOADING },
  );
  protected readonly items = computed<readonly ProposalDto[]>(() => this.proposals().value ?? []);
  protected readonly takesPart = computed(() => this.proposals().error?.status !== 404);
  protected readonly mayPropose = computed(() => mayPropose(this.me(), this.benchmark()));
  protected readonly mayAnswer = computed(() => mayAnswerProposals(this.me(), this.benchmark()));
  protected readonly errorDetail = computed(() => {
    const error = this.proposals().error;
    return error ? apiErrorMessage(error) : null;
  });

  protected statusLabel(proposal: ProposalDto): string {
    return proposal.answer
      ? decisionLabel(proposal.answer.decision)
      : $localize`:Status of a proposal not answered yet@@proposals.unanswered:Awaiting the ministry's answer`;
  }

  protected answerLabel(proposal: ProposalDto, number: number): string {
    return proposal.answer
      ? $localize`:Accessible name of the button answering a proposal again@@proposals.answerAgainLabel:Answer again: proposal ${number}:number:`
      : $localize`:Accessible name of the button answering a proposal@@proposals.answerLabel:Answer proposal ${number}:number:`;
  }

  protected add(): void {
    this.dialog
      .open<AddProposalDialog, AddProposalDialogData, ProposalDto>(AddProposalDialog, { data: { code: this.benchmark().code } })
      .afterClosed()
      .pipe(filter((added): added is ProposalDto => !!added))
      .subscribe(() => {
        this.snackBar.open($localize`:@@proposals.added:Proposal added.`, undefined, { duration: 5000 });
        this.changed.emit();
      });
  }

  protected answer(proposal: ProposalDto, number: number): void {
    this.dialog
      .open<AnswerProposalDialog, AnswerProposalDialogData, ProposalDto>(AnswerProposalDialog, { data: { proposal, number } })
      .afterClosed()
      .pipe(filter((answered): answered is ProposalDto => !!answered))
      .subscribe(() => {
        this.snackBar.open($localize`:@@proposals.answered:Answer saved.`, undefined, { duration: 5000 });
        this.changed.emit();
      });
  }
}
