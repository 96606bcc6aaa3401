import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PREPARATION_GRADES, PROGRESS_GRADES } from '@bt/workflow';
import { preparationLabel, progressLabel } from '../assessment-grades';

/** Five fills from lowest to highest grade: each differs in colour *and* pattern, so the scale also reads in grey. */
const BANDS = 5;

/**
 * One grade on a Commission scale: a swatch (colour + pattern + the step number, e.g. "4/9") and the
 * grade in words. The swatch is decoration; the words and the step are in the text for screen readers.
 */
@Component({
  selector: 'bt-grade-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="swatch" [attr.data-band]="band()" aria-hidden="true">{{ step() }}</span>
    <span class="label">{{ label() }}</span
    >{{ ' '
    }}<span class="cdk-visually-hidden" i18n="Position of a grade on its scale, read after the grade@@assessment.step"
      >(step {{ step() }} of {{ steps() }})</span
    >
  `,
  styleUrl: './grade-badge.scss',
})
export class GradeBadge {
  readonly scale = input.required<'preparation' | 'progress'>();
  readonly grade = input.required<string>();

  private readonly grades = computed<readonly string[]>(() => (this.scale() === 'preparation' ? PREPARATION_GRADES : PROGRESS_GRADES));
  protected readonly steps = computed(() => this.grades().length);
  protected readonly step = computed(() => this.grades().indexOf(this.grade()) + 1);
  /** 1 (lowest) to 5 (highest), spread over the scale's steps. */
  protected readonly band = computed(() => Math.max(1, Math.round(((this.step() - 1) / (this.steps() - 1)) * (BANDS - 1)) + 1));
  protected readonly label = computed(() => (this.scale() === 'preparation' ? preparationLabel(this.grade()) : progressLabel(this.grade())));
}
