import { formatNumber } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, LOCALE_ID, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { niceScale, SERIES_STYLES } from './chart-scale';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

const WIDTH = 640;
const HEIGHT = 260;
const PLOT = { left: 64, right: 12, top: 16, bottom: 36 };
let nextId = 0;

/**
 * Grouped bars for figures people compare (years, areas, voices). The SVG is a picture only; the
 * same figures are in a real table that screen readers read and anyone can show with the button.
 * Every series has a colour *and* a fill pattern, so the chart also reads in grey.
 */
@Component({
  selector: 'bt-bar-chart',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './bar-chart.html',
  styleUrl: './bar-chart.scss',
})
export class BarChart {
  readonly series = input.required<ChartSeries[]>();
  readonly categories = input.required<string[]>();
  readonly caption = input.required<string>();
  readonly unit = input<string>('');

  private readonly locale = inject(LOCALE_ID);
  protected readonly id = `bt-chart-${++nextId}`;
  protected readonly tableShown = signal(false);
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly plot = PLOT;
  protected readonly legendLabel = $localize`:Accessible name of a chart's legend@@chart.legend:Legend`;

  protected readonly styles = computed(() => this.series().map((_, i) => ({ ...SERIES_STYLES[i % SERIES_STYLES.length], fill: this.fillOf(i) })));

  protected readonly scale = computed(() => {
    const values = this.series().flatMap((s) => s.values).filter((v): v is number => v !== null);
    return niceScale(Math.max(0, ...values));
  });

  protected readonly yTicks = computed(() => this.scale().ticks.map((value) => ({ value, y: this.y(value), label: this.format(value) })));

  protected readonly groups = computed(() => {
    const categories = this.categories();
    const series = this.series();
    const plotWidth = WIDTH - PLOT.left - PLOT.right;
    const groupWidth = plotWidth / Math.max(1, categories.length);
    const barWidth = Math.min(48, (groupWidth * 0.8) / Math.max(1, series.length));
    const labelled = categories.length * series.length <= 24;
    return categories.map((category, c) => {
      const start = PLOT.left + c * groupWidth + (groupWidth - barWidth * series.length) / 2;
      return {
        category,
        labelX: PLOT.left + (c + 0.5) * groupWidth,
        bars: series.map((s, i) => {
          const value = s.values[c] ?? null;
          const y = value === null ? this.y(0) : this.y(value);
          return { key: `${i}-${c}`, x: start + i * barWidth, y, width: barWidth - 2, height: this.y(0) - y, value, label: labelled && value !== null ? this.format(value) : '', fill: this.fillOf(i) };
        }),
      };
    });
  });

  protected format(value: number | null): string {
    return value === null ? '—' : formatNumber(value, this.locale, '1.0-2');
  }

  private y(value: number): number {
    const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
    return PLOT.top + plotHeight * (1 - value / this.scale().max);
  }

  private fillOf(i: number): string {
    const style = SERIES_STYLES[i % SERIES_STYLES.length];
    return style.pattern === 'solid' ? style.colour : `url(#${this.id}-pattern-${i})`;
  }
}
