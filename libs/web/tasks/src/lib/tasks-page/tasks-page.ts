import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { BenchmarkStateChip, peerReviewStageLabel } from '@bt/web/benchmarks';
import { LiveChanges } from '@bt/web/live';
import { BehaviorSubject } from 'rxjs';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { InboxSection } from '../inbox/inbox-section';
import { groupTasks } from '../task-groups';
import { TasksApi } from '../tasks-api';

/** "Inbox & tasks": the inbox (what happened for the user), then what awaits the signed-in user, grouped by what to do, each with a link to its benchmark. */
@Component({
  selector: 'bt-tasks-page',
  imports: [DisplayDatePipe, RouterLink, MatButton, MatProgressBar, BenchmarkStateChip, InboxSection],
  templateUrl: './tasks-page.html',
  styleUrl: './tasks-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TasksPage {
  private readonly api = inject(TasksApi);
  private readonly reloads = new BehaviorSubject<void>(undefined);

  protected readonly list = toSignal(this.reloads.pipe(loadEach(() => this.api.tasks())), { initialValue: LOADING });
  protected readonly groups = computed(() => groupTasks(this.list().value ?? []));
  protected readonly total = computed(() => this.list().value?.length ?? 0);
  protected readonly errorDetail = computed(() => {
    const error = this.list().error;
    return error ? apiErrorMessage(error) : null;
  });
  protected readonly stageLabel = peerReviewStageLabel;

  constructor() {
    // Live: any change may add or settle a task.
    inject(LiveChanges)
      .reloads()
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.reloads.next());
  }

  protected retry(): void {
    this.reloads.next();
  }
}
