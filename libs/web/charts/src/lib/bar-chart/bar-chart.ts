import { formatNumber } from '@angular/common';
import {
  afterNextRender,
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  LOCALE_ID,
  PendingTasks,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { ECharts } from 'echarts/core';
import { chartOptions, type ChartOrientation, type ChartSeries, type ColourScheme } from './chart-options';

export type { ChartMeaning, ChartOrientation, ChartSeries } from './chart-options';

let nextId = 0;

/**
 * Grouped bars for figures people compare (years, areas, voices), drawn by Apache ECharts, which is
 * loaded only when a chart is about to show. The picture is aria-hidden: the same figures are in a
 * real table that screen readers read and anyone can show with the button. Every series has a colour
 * that means the same on every chart (see ChartMeaning) *and* a pattern, so the chart also reads in
 * grey; the picture follows the reader's light or dark scheme and the width of its column.
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
  /** 'auto': bars across when the category labels would not fit under bars side by side. */
  readonly orientation = input<ChartOrientation | 'auto'>('auto');
  /** Counts of whole things, so the axis steps by at least 1; by default when every figure is whole. */
  readonly integer = input<boolean | undefined>(undefined);

  private readonly locale = inject(LOCALE_ID);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly id = `bt-chart-${++nextId}`;
  protected readonly tableShown = signal(false);
  private readonly picture = viewChild.required<ElementRef<HTMLElement>>('picture');
  /** The picture's width; 0 until it is laid out (and always in a DOM without layout). */
  private readonly width = signal(0);
  private readonly scheme = signal<ColourScheme>('light');
  private readonly reducedMotion = signal(false);
  private readonly charts = signal<typeof import('./echarts-setup') | null>(null);
  private chart: { instance: ECharts; scheme: ColourScheme } | null = null;
  private destroyed = false;

  protected readonly layout = computed(() =>
    chartOptions({
      series: this.series(),
      categories: this.categories(),
      width: this.width(),
      scheme: this.scheme(),
      orientation: this.orientation(),
      integer: this.integer(),
      format: (value) => this.format(value),
      animate: !this.reducedMotion(),
    }),
  );

  constructor() {
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => {
      this.destroyed = true;
      this.chart?.instance.dispose();
      this.chart = null;
    });
    afterNextRender(() => {
      // No layout, no picture (jsdom): the table alone.
      if (typeof ResizeObserver === 'undefined' || typeof matchMedia === 'undefined') return;
      const dark = matchMedia('(prefers-color-scheme: dark)');
      const still = matchMedia('(prefers-reduced-motion: reduce)');
      const onScheme = () => this.scheme.set(dark.matches ? 'dark' : 'light');
      const onMotion = () => this.reducedMotion.set(still.matches);
      onScheme();
      onMotion();
      dark.addEventListener('change', onScheme);
      still.addEventListener('change', onMotion);
      const observer = new ResizeObserver(([entry]) => this.width.set(Math.floor(entry.contentRect.width)));
      observer.observe(this.picture().nativeElement);
      destroyRef.onDestroy(() => {
        observer.disconnect();
        dark.removeEventListener('change', onScheme);
        still.removeEventListener('change', onMotion);
      });
    });
    afterRenderEffect(() => {
      const { height, option } = this.layout();
      const width = this.width();
      if (width === 0) return; // not laid out yet, or hidden
      const charts = this.charts();
      if (!charts) {
        // A pending task until it has come, so the app is not stable (whenStable) before its charts are drawn: printing waits for that.
        const loading = this.pendingTasks.add();
        void import('./echarts-setup').then((loaded) => this.destroyed || this.charts.set(loaded)).finally(loading);
        return;
      }
      const scheme = this.scheme();
      if (this.chart?.scheme !== scheme) {
        this.chart?.instance.dispose();
        // ECharts' own dark theme for what the option leaves to it (the tooltip's pointer).
        this.chart = { instance: charts.init(this.picture().nativeElement, scheme === 'dark' ? 'dark' : undefined, { renderer: 'svg' }), scheme };
      }
      this.chart.instance.setOption(option, { notMerge: true });
      this.chart.instance.resize({ width, height });
    });
  }

  protected format(value: number | null): string {
    return value === null ? '—' : formatNumber(value, this.locale, '1.0-2');
  }
}
