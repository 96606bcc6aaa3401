import { ChangeDetectionStrategy, Component, computed, type ElementRef, input, output, viewChild } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import type { BenchmarkDetailDto } from '@bt/contracts';
import { DisplayDatePipe } from '@bt/web/ui';
import { preparationLabel, progressLabel } from '../assessment-grades';
import { WorkflowActions } from './workflow-actions';
import { type StepStatus, workflowSteps } from './workflow-steps';

const STEP_ICONS: Record<StepStatus, string> = {
  done: 'check_circle',
  current: 'radio_button_checked',
  upcoming: 'radio_button_unchecked',
  skipped: 'remove_circle_outline',
};

/** Read before each step's name, so a screen reader says where the benchmark stands. */
const STEP_STATUS_TEXT: Record<StepStatus, string> = {
  done: $localize`:Status of a workflow step, read before its name@@workflow.step.done:Completed:`,
  current: $localize`:Status of a workflow step, read before its name@@workflow.step.current:Current:`,
  upcoming: $localize`:Status of a workflow step, read before its name@@workflow.step.upcoming:To come:`,
  skipped: $localize`:Status of a workflow step passed by without it (no mission shown)@@workflow.step.skipped:No mission shown:`,
};

/**
 * Where the benchmark stands in its workflow (Draft → Submitted → Peer review → Accepted, as an
 * ordered list a screen reader reads with each step's status), what this user can do about it, and
 * the Commission's latest assessment.
 */
@Component({
  selector: 'bt-workflow-panel',
  imports: [DisplayDatePipe, MatIcon, WorkflowActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './workflow-panel.html',
  styleUrl: './workflow-panel.scss',
})
export class WorkflowPanel {
  readonly benchmark = input.required<BenchmarkDetailDto>();
  /** The benchmark changed: the page reloads it. */
  readonly changed = output<void>();

  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly steps = computed(() => {
    const { state, stage, mission } = this.benchmark();
    return workflowSteps(state, stage, mission !== null);
  });
  protected readonly icons = STEP_ICONS;
  protected readonly statusText = STEP_STATUS_TEXT;
  protected readonly preparationLabel = preparationLabel;
  protected readonly progressLabel = progressLabel;

  /** The button that was used may be gone after the reload: focus stays in the panel, on its heading. */
  protected onChanged(): void {
    this.heading().nativeElement.focus();
    this.changed.emit();
  }
}
