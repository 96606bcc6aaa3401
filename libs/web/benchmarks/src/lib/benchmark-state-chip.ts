import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BenchmarkState } from '@bt/workflow';
import { benchmarkStatePresentation } from './benchmark-state-label';

/**
 * A benchmark's workflow state as a chip: coloured by state, and always with its label. Drawn as one
 * span in Material 3's chip shape, not a `<mat-chip>`: it is a label, not a control, and the chapter
 * overview and the lists show dozens of them — each mat-chip brought seven elements, a ripple and
 * focus tracking, and the chips module its own download to the first page.
 */
@Component({
  selector: 'bt-benchmark-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-state]': 'state()',
    '[style.--bt-state-chip-background]': 'background()',
    '[style.--bt-state-chip-text]': 'text()',
  },
  template: `<span class="chip"
    ><span class="cdk-visually-hidden" i18n="Prefix read before a benchmark's state@@benchmarkState.prefix">State:</span> {{ presentation().label }}</span
  >`,
  styles: `
    :host {
      display: inline-block;
      vertical-align: middle;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      box-sizing: border-box;
      height: 32px;
      padding: 0 12px;
      border-radius: var(--mat-sys-corner-small, 8px);
      background: var(--bt-state-chip-background);
      color: var(--bt-state-chip-text);
      font: var(--mat-sys-label-large);
      letter-spacing: var(--mat-sys-label-large-tracking);
      white-space: nowrap;
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
