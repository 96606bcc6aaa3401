import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { BenchmarkDetailDto, HistoryEventDto } from '@bt/contracts';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { workflowPositionLabel } from '../benchmark-state-label';
import { WorkflowApi } from '../workflow/workflow-api';
import { historyEntryLabel } from './history-labels';

interface HistoryEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string | null;
  readonly label: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly comment: string | null;
}

/** The benchmark's history, oldest first: who did what, when, with their comment. Reloads with the benchmark. */
@Component({
  selector: 'bt-history-timeline',
  imports: [DisplayDatePipe, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './history-timeline.html',
  styleUrls: ['../section.scss', './history-timeline.scss'],
})
export class HistoryTimeline {
  readonly benchmark = input.required<BenchmarkDetailDto>();

  private readonly api = inject(WorkflowApi);

  protected readonly history = toSignal(toObservable(this.benchmark).pipe(loadEach((benchmark: BenchmarkDetailDto) => this.api.history(benchmark.code))), {
    initialValue: LOADING,
  });
  protected readonly entries = computed(() => (this.history().value ?? []).map(entry));
  protected readonly errorDetail = computed(() => {
    const error = this.history().error;
    return error ? apiErrorMessage(error) : null;
  });
}

function entry(event: HistoryEventDto): HistoryEntry {
  return {
    id: event.id,
    at: event.at,
    actor: event.actor,
    label: historyEntryLabel(event),
    from: event.from && workflowPositionLabel(event.from),
    to: event.to && workflowPositionLabel(event.to),
    comment: event.comment,
  };
}
