import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { BenchmarkDetailDto } from '@bt/contracts';
import type { AvailableEvent } from '@bt/workflow';
import { reasonText } from '@bt/web/ui/refusals';
import { TransitionDialog, type TransitionDialogData, type TransitionOutcome } from './transition-dialog';
import { workflowEventPresentation } from './workflow-events';

interface OfferedEvent {
  readonly event: AvailableEvent;
  readonly enabled: boolean;
  readonly action: string;
  readonly icon: string;
  readonly reasonId: string;
  /** Why it is not possible yet, in the reader's language. */
  readonly reason: string | null;
}

/**
 * The workflow events this user could fire on the benchmark now, one button each: enabled when the
 * API allows it now, otherwise disabled with the API's reason beside it (and as its description,
 * since a disabled button stays focusable). A click opens the event's dialog; afterwards the page
 * reloads, also when the benchmark had changed meanwhile (409), which is said out loud.
 */
@Component({
  selector: 'bt-workflow-actions',
  imports: [MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (offered().length) {
      <ul class="workflow-actions" role="list">
        @for (item of offered(); track item.event.type) {
          <li class="workflow-action">
            <button
              [matButton]="item.enabled ? 'filled' : 'outlined'"
              type="button"
              [disabled]="!item.enabled"
              disabledInteractive
              [attr.aria-describedby]="item.enabled ? null : item.reasonId"
              [attr.data-event]="item.event.type"
              (click)="fire(item)"
            >
              <mat-icon aria-hidden="true">{{ item.icon }}</mat-icon>
              {{ item.action }}
            </button>
            @if (!item.enabled) {
              <p class="workflow-action__reason" [id]="item.reasonId">
                @if (item.reason; as reason) {
                  <ng-container i18n="Why a workflow action cannot be taken yet@@workflow.actions.reason">Not possible yet. {{ reason }}</ng-container>
                } @else {
                  <ng-container i18n="@@workflow.actions.notNow">Not possible at the moment.</ng-container>
                }
              </p>
            }
          </li>
        }
      </ul>
    } @else {
      <p class="workflow-actions__none" i18n="@@workflow.actions.none">No workflow action is yours to take at this stage.</p>
    }
  `,
  styles: `
    .workflow-actions {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .workflow-action {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
    }
    .workflow-action__reason {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .workflow-actions__none {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class WorkflowActions {
  readonly benchmark = input.required<BenchmarkDetailDto>();
  /** The benchmark changed (an event fired, or someone else had changed it): the page reloads it. */
  readonly changed = output<TransitionOutcome['kind']>();

  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** The API's `availableEvents`; enabled only when also among `allowedEvents`, exactly what this user may fire now. */
  protected readonly offered = computed<OfferedEvent[]>(() => {
    const { availableEvents, allowedEvents } = this.benchmark();
    return availableEvents.map((event) => {
      const { action, icon } = workflowEventPresentation(event.type);
      return {
        event,
        enabled: event.enabled && allowedEvents.includes(event.type),
        action,
        icon,
        reasonId: `workflow-reason-${event.type}`,
        reason: event.reason ? reasonText(event.reason) : null,
      };
    });
  });

  protected fire(item: OfferedEvent): void {
    // A disabled button stays focusable (disabledInteractive) and still receives clicks.
    if (!item.enabled) return;
    const { code, version } = this.benchmark();
    this.dialog
      .open<TransitionDialog, TransitionDialogData, TransitionOutcome>(TransitionDialog, {
        data: { benchmark: { code, version }, event: item.event },
      })
      .afterClosed()
      .subscribe((outcome) => {
        if (!outcome) return;
        if (outcome.kind === 'done') {
          this.snackBar.open(workflowEventPresentation(item.event.type).done, undefined, { duration: 5000 });
        } else {
          this.snackBar.open(
            $localize`:Shown when a benchmark changed while the user was looking at it@@workflow.conflict:Changed by someone else — reloaded. Check the benchmark and try again if still needed.`,
            $localize`:Button closing a message@@workflow.dismiss:Dismiss`,
            { politeness: 'assertive', duration: 15000 },
          );
        }
        this.changed.emit(outcome.kind);
      });
  }
}
