import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { InboxDto, InboxItemDto } from '@bt/contracts';
import { BehaviorSubject } from 'rxjs';
import { InboxApi } from '@bt/web/inbox';
import { LiveChanges } from '@bt/web/live';
import { DisplayDatePipe, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { inboxDetail, inboxTitle } from './inbox-wording';
import { inboxLink } from './inbox-link';

/** The inbox: what happened for the user (answers, proposals awaiting an answer, deadlines), unread first; each item can be marked as read. */
@Component({
  selector: 'bt-inbox-section',
  imports: [RouterLink, DisplayDatePipe, MatButton, MatIcon, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox-section.html',
  styleUrl: './inbox-section.scss',
})
export class InboxSection {
  protected readonly link = inboxLink;
  private readonly api = inject(InboxApi);
  private readonly reloads = new BehaviorSubject<void>(undefined);
  private readonly loaded = toSignal(this.reloads.pipe(loadEach(() => this.api.inbox())), { initialValue: LOADING });
  /** The inbox after marking items read (the POST answers the new inbox), else as loaded. */
  private readonly updated = signal<InboxDto | null>(null);
  protected readonly inbox = computed(() => this.updated() ?? this.loaded().value ?? null);
  protected readonly loading = computed(() => this.loaded().loading);
  protected readonly problem = signal<string | null>(null);
  protected readonly errorDetail = computed(() => {
    const error = this.loaded().error;
    return error ? apiErrorMessage(error) : null;
  });

  constructor() {
    // Live: any change may bring a new item.
    inject(LiveChanges)
      .reloads()
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.updated.set(null);
        this.reloads.next();
      });
  }

  protected readonly title = inboxTitle;
  protected readonly detail = inboxDetail;

  /** An item's link is a web path with an optional query (`/benchmarks/RS-24-MIG-01?tab=dialogue`). */
  /** Every item, also those past the first 50: the API marks what the inbox holds. */
  protected markAllRead(): void {
    this.problem.set(null);
    this.api.markAllRead().subscribe({
      next: (inbox) => this.updated.set(inbox),
      error: (error) => this.problem.set(apiErrorMessage(error) ?? $localize`:@@inbox.markFailed:Could not mark as read. Please try again.`),
    });
  }

  protected markRead(items: InboxItemDto[]): void {
    const keys = items.filter((i) => i.unread).map((i) => i.key);
    if (!keys.length) return;
    this.problem.set(null);
    this.api.markRead(keys).subscribe({
      next: (inbox) => this.updated.set(inbox),
      error: (error) => this.problem.set(apiErrorMessage(error) ?? $localize`:@@inbox.markFailed:Could not mark as read. Please try again.`),
    });
  }
}
