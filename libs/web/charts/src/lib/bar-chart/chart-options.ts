import type { BarSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * What a series' colour says, the same on every chart of the app: green is always a good outcome
 * (accepted, completed, supported), red always a bad one (not accepted, overdue, unsupported).
 * - `total`: all of something, or a figure with no verdict (a track record);
 * - `positive`, `partial`, `negative`: how things turned out;
 * - `pending`: not decided yet (unanswered).
 * A series without a meaning gets one of the neutral colours, never one of these.
 */
export type ChartMeaning = 'total' | 'positive' | 'partial' | 'negative' | 'pending';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  meaning?: ChartMeaning;
}

export type ChartOrientation = 'vertical' | 'horizontal';
export type ColourScheme = 'light' | 'dark';

export type BarChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption>;

type Decal = Exclude<NonNullable<BarSeriesOption['itemStyle']>['decal'], 'none' | undefined>;

interface Look {
  colour: Record<ColourScheme, string>;
  /** A pattern on the bar, so series read apart in grey and for people who do not tell colours apart. */
  decal: Decal;
}

const SOLID: Decal = { symbol: 'none' };
const STRIPES: Decal = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4 };
const DOTS: Decal = { symbol: 'circle', symbolSize: 0.7, dashArrayX: [[5, 5]], dashArrayY: [5, 5] };
const CHECKS: Decal = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [
    [4, 4],
    [0, 4, 4, 0],
  ],
  dashArrayY: [4, 0],
};
const LINES: Decal = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: 0 };
const BACK_STRIPES: Decal = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: Math.PI / 4 };

/** Each colour is at least 3:1 against the page's background in its scheme (WCAG 1.4.11). */
export const MEANING_LOOKS: Record<ChartMeaning, Look> = {
  total: { colour: { light: '#1f4e9c', dark: '#8fb4ff' }, decal: SOLID },
  positive: { colour: { light: '#1e7b47', dark: '#5cc98a' }, decal: STRIPES },
  partial: { colour: { light: '#a35f00', dark: '#f0b450' }, decal: DOTS },
  negative: { colour: { light: '#c0392b', dark: '#ff8a7a' }, decal: CHECKS },
  pending: { colour: { light: '#686868', dark: '#a8a8a8' }, decal: LINES },
};

/** For series that carry no meaning: colours none of the meanings use. */
const NEUTRAL_LOOKS: Look[] = [
  MEANING_LOOKS.total,
  { colour: { light: '#6a3d9a', dark: '#c9a7f0' }, decal: STRIPES },
  { colour: { light: '#ad1457', dark: '#f48fb1' }, decal: DOTS },
  { colour: { light: '#00677f', dark: '#6fd3ee' }, decal: CHECKS },
  { colour: { light: '#5d4037', dark: '#d7b8a8' }, decal: BACK_STRIPES },
];

const INK: Record<ColourScheme, { text: string; muted: string; grid: string; axis: string; decal: string; tooltip: string; tooltipBorder: string }> = {
  light: {
    text: '#1b1b1f',
    muted: '#44474e',
    grid: '#dcdcdc',
    axis: '#74777f',
    decal: 'rgba(255, 255, 255, 0.55)',
    tooltip: '#ffffff',
    tooltipBorder: '#74777f',
  },
  dark: { text: '#e3e2e6', muted: '#c4c6d0', grid: '#3b3d44', axis: '#8e9099', decal: 'rgba(0, 0, 0, 0.45)', tooltip: '#1f2024', tooltipBorder: '#8e9099' },
};

/** Roughly how wide a 12 px label is: an average character of Roboto. */
const CHAR_PX = 7;
const FONT = 'Roboto, "Helvetica Neue", Arial, sans-serif';

export function looksOf(series: readonly Pick<ChartSeries, 'meaning'>[]): Look[] {
  let neutral = 0;
  return series.map((s) => (s.meaning ? MEANING_LOOKS[s.meaning] : NEUTRAL_LOOKS[neutral++ % NEUTRAL_LOOKS.length]));
}

/** Counts of whole things: every known figure is a whole number. */
export function allWhole(series: readonly ChartSeries[]): boolean {
  return series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
}

/**
 * Bars side by side (vertical) while every category's label fits under its bars at this width;
 * otherwise bars across (horizontal), with the labels in a column of their own where they can wrap.
 */
export function orientationFor(categories: readonly string[], width: number): ChartOrientation {
  const longest = Math.max(0, ...categories.map((c) => c.length));
  if (longest > 16) return 'horizontal';
  const plot = Math.max(width, 240) - 64;
  return categories.length * (longest * CHAR_PX + 12) > plot ? 'horizontal' : 'vertical';
}

/** How many rows the legend above the plot takes at this width. */
function legendRows(series: readonly ChartSeries[], width: number): number {
  if (series.length < 2) return 0;
  let rows = 1;
  let used = 0;
  for (const s of series) {
    const item = s.name.length * CHAR_PX + 44;
    if (used > 0 && used + item > width - 16) {
      rows++;
      used = 0;
    }
    used += item;
  }
  return rows;
}

export interface ChartInput {
  series: readonly ChartSeries[];
  categories: readonly string[];
  /** The chart's width in CSS pixels. */
  width: number;
  scheme: ColourScheme;
  /** 'auto' chooses by the labels and the width (orientationFor). */
  orientation?: ChartOrientation | 'auto';
  /** Counts of whole things: the axis steps by at least 1. Default: when every figure is whole. */
  integer?: boolean;
  /** A figure as the reader's language writes it. */
  format?: (value: number) => string;
  /** Motion off for readers who ask for less of it. */
  animate?: boolean;
}

export interface ChartLayout {
  orientation: ChartOrientation;
  height: number;
  option: BarChartOption;
}

/** The picture's ECharts option and the height it needs: a pure function of the figures and the room. */
export function chartOptions(input: ChartInput): ChartLayout {
  const { series, categories, width, scheme } = input;
  const format = input.format ?? String;
  const ink = INK[scheme];
  const orientation = !input.orientation || input.orientation === 'auto' ? orientationFor(categories, width) : input.orientation;
  const horizontal = orientation === 'horizontal';
  const integer = input.integer ?? allWhole(series);
  const looks = looksOf(series);
  const legendTop = legendRows(series, width) * 24;
  const band = Math.max(32, series.length * 12 + 16); // each category's row across, all its bars
  const plotHeight = horizontal ? Math.max(1, categories.length) * band : 220;
  const height = legendTop + plotHeight + (horizontal ? 40 : 56);
  const labelled = categories.length * series.length <= 24;

  const categoryAxis = {
    type: 'category' as const,
    data: [...categories],
    inverse: horizontal, // the first category on top, as the table reads
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: ink.axis } },
    axisLabel: horizontal
      ? { color: ink.text, width: Math.min(220, Math.round(width * 0.36)), overflow: 'break' as const, interval: 0, lineHeight: 14 }
      : { color: ink.text, hideOverlap: true },
  };
  const valueAxis = {
    type: 'value' as const,
    minInterval: integer ? 1 : undefined,
    splitLine: { lineStyle: { color: ink.grid } },
    axisLabel: { color: ink.muted, formatter: (value: number) => format(value), hideOverlap: true },
  };

  return {
    orientation,
    height,
    option: {
      animation: input.animate ?? true,
      backgroundColor: 'transparent',
      textStyle: { fontFamily: FONT, fontSize: 12, color: ink.text },
      color: looks.map((l) => l.colour[scheme]),
      // Decals on: the patterns that tell series apart without colour. The picture's own text
      // description is off: the chart is aria-hidden, and its table carries the figures.
      aria: { enabled: true, decal: { show: true }, label: { enabled: false } },
      legend: {
        show: series.length > 1,
        top: 0,
        left: 0,
        selectedMode: false, // a legend that explains, not a control only a mouse can work
        itemWidth: 22,
        itemHeight: 14,
        textStyle: { color: ink.text },
      },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        backgroundColor: ink.tooltip,
        borderColor: ink.tooltipBorder,
        textStyle: { color: ink.text },
        valueFormatter: (value) => (typeof value === 'number' ? format(value) : '—'),
      },
      grid: { top: legendTop + 16, left: 8, right: horizontal ? 40 : 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series.map((s, i) => ({
        type: 'bar' as const,
        name: s.name,
        data: categories.map((_, c) => s.values[c] ?? null),
        barMaxWidth: 48,
        itemStyle: { color: looks[i].colour[scheme], borderColor: ink.axis, borderWidth: 0.5, decal: { ...looks[i].decal, color: ink.decal } },
        label: {
          show: labelled,
          position: horizontal ? ('right' as const) : ('top' as const),
          color: ink.text,
          formatter: ({ value }: { value: unknown }) => (typeof value === 'number' ? format(value) : ''),
        },
      })),
    },
  };
}
