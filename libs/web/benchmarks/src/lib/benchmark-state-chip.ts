import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatChip } from '@angular/material/chips';
import type { BenchmarkState } from '@bt/workflow';
import { benchmarkStatePresentation } from './benchmark-state-label';

/** A benchmark's workflow state as a chip: coloured by state, and always with its label. */
@Component({
  selector: 'bt-benchmark-state-chip',
  imports: [MatChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-state]': 'state()',
    '[style.--mat-chip-elevated-container-color]': 'background()',
    '[style.--mat-chip-label-text-color]': 'text()',
  },
  template: `<mat-chip disableRipple
    ><span class="cdk-visually-hidden" i18n="Prefix read before a benchmark's state@@benchmarkState.prefix"
      >State:</span
    >
    {{ presentation().label }}</mat-chip
  >`,
  styles: `
    :host {
      display: inline-block;
      --mat-chip-outline-width: 0;
    }
  `,
})
export class BenchmarkStateChip {
  readonly state = input.required<BenchmarkState>();

  protected readonly presentation = computed(() => benchmarkStatePresentation(this.state()));
  protected readonly background = computed(() => {
    const { light, dark } = this.presentation();
    return `light-dark(${light.background}, ${dark.background})`;
  });
  protected readonly text = computed(() => {
    const { light, dark } = this.presentation();
    return `light-dark(${light.text}, ${dark.text})`;
  });
}
