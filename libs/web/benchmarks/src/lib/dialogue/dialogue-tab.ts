import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatChip } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { BenchmarkDetailDto, ProposalDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { filter } from 'rxjs';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { mayAnswerProposals, mayModerate, mayPropose, mayReply } from '../benchmark-participation';
import { AnswerDialog, type AnswerDialogData } from './answer-dialog';
import { ContributionDialog, type ContributionDialogData } from './contribution-dialog';
import { DialogueApi } from './dialogue-api';
import { HideDialog, type HideDialogData } from './hide-dialog';
import { decisionLabel } from './proposal-decisions';

export type DialogueFilter = 'all' | 'unanswered' | 'answered';

/** A thread as the page shows it: its heading ("Proposal 2", "Comment 1") stays the same whatever the filter. */
interface Thread {
  readonly item: ProposalDto;
  readonly heading: string;
}

/**
 * The civil-society dialogue on the benchmark: threads of proposals and comments with their replies,
 * anchors and the ministry's reasoned answers (earlier versions kept). The country's civil society
 * (and the Commission) open threads; the ministry answers proposals and may reply; admins hide abuse.
 * Hidden for whoever takes no part in the benchmark's dialogue (the API answers 404).
 */
@Component({
  selector: 'bt-dialogue-tab',
  imports: [NgTemplateOutlet, DisplayDatePipe, MatButton, MatButtonToggleGroup, MatButtonToggle, MatChip, MatIcon, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dialogue-tab.html',
  styleUrls: ['../section.scss', './dialogue-tab.scss'],
})
export class DialogueTab {
  readonly benchmark = input.required<BenchmarkDetailDto>();
  /** Something was posted, answered or hidden: the page reloads the benchmark (submitting depends on it). */
  readonly changed = output<void>();

  private readonly api = inject(DialogueApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly me = inject(AuthSession).me;

  protected readonly show = signal<DialogueFilter>('all');
  protected readonly threads = toSignal(toObservable(this.benchmark).pipe(loadEach((benchmark: BenchmarkDetailDto) => this.api.list(benchmark.code))), {
    initialValue: LOADING,
  });
  private readonly numbered = computed<readonly Thread[]>(() => {
    let proposals = 0;
    let comments = 0;
    return (this.threads().value ?? []).map((item) => ({
      item,
      heading:
        item.kind === 'proposal'
          ? $localize`:Heading of one civil-society proposal@@dialogue.proposalHeading:Proposal ${++proposals}:number:`
          : $localize`:Heading of one comment in the dialogue@@dialogue.commentHeading:Comment ${++comments}:number:`,
    }));
  });
  protected readonly shown = computed(() => {
    const show = this.show();
    if (show === 'all') return this.numbered();
    return this.numbered().filter(({ item }) => item.kind === 'proposal' && !item.hiddenAt && !!item.answer === (show === 'answered'));
  });
  protected readonly unansweredCount = computed(() => this.numbered().filter(({ item }) => item.kind === 'proposal' && !item.hiddenAt && !item.answer).length);
  protected readonly takesPart = computed(() => this.threads().error?.status !== 404);
  protected readonly mayPropose = computed(() => mayPropose(this.me(), this.benchmark()));
  protected readonly mayReply = computed(() => mayReply(this.me(), this.benchmark()));
  protected readonly mayAnswer = computed(() => mayAnswerProposals(this.me(), this.benchmark()));
  protected readonly mayModerate = computed(() => mayModerate(this.me()));
  protected readonly errorDetail = computed(() => {
    const error = this.threads().error;
    return error ? apiErrorMessage(error) : null;
  });
  protected readonly decisionLabel = decisionLabel;

  protected statusLabel(item: ProposalDto): string {
    return item.answer
      ? decisionLabel(item.answer.decision)
      : $localize`:Status of a proposal not answered yet@@dialogue.unanswered:Awaiting the ministry's answer`;
  }

  protected replyHeading(heading: string, n: number): string {
    return $localize`:Name of a reply in a thread, e.g. "Proposal 2, reply 1"@@dialogue.replyHeading:${heading}:thread:, reply ${n}:number:`;
  }

  protected setFilter(value: DialogueFilter): void {
    this.show.set(value);
  }

  protected add(): void {
    this.open(ContributionDialog, { benchmark: this.benchmark(), mayOpen: true } satisfies ContributionDialogData, $localize`:@@dialogue.added:Posted.`);
  }

  protected reply(thread: Thread): void {
    this.open(
      ContributionDialog,
      { benchmark: this.benchmark(), mayOpen: false, replyTo: { id: thread.item.id, heading: thread.heading } } satisfies ContributionDialogData,
      $localize`:@@dialogue.replied:Reply posted.`,
    );
  }

  protected answer(thread: Thread): void {
    this.open(AnswerDialog, { proposal: thread.item, heading: thread.heading } satisfies AnswerDialogData, $localize`:@@dialogue.answered:Answer saved.`);
  }

  protected hide(contribution: ProposalDto, heading: string): void {
    this.open(HideDialog, { contribution, heading } satisfies HideDialogData, $localize`:@@dialogue.hidden:Hidden.`);
  }

  private open<D>(component: new (...args: never[]) => unknown, data: D, done: string): void {
    this.dialog
      .open<unknown, D, ProposalDto>(component, { data })
      .afterClosed()
      .pipe(filter((saved): saved is ProposalDto => !!saved))
      .subscribe(() => {
        this.snackBar.open(done, undefined, { duration: 5000 });
        this.changed.emit();
      });
  }
}
