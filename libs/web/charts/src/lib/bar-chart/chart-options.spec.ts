import type { BarSeriesOption } from 'echarts/charts';
import { allWhole, chartOptions, type ChartInput, MEANING_LOOKS, orientationFor } from './chart-options';

const proposals: ChartInput = {
  categories: ['Migration', 'Asylum'],
  series: [
    { name: 'Accepted', values: [1, 2], meaning: 'positive' },
    { name: 'Not accepted', values: [0, 1], meaning: 'negative' },
  ],
  width: 640,
  scheme: 'light',
};

type Axis = { type: string; minInterval?: number; data?: string[]; axisLabel?: { overflow?: string; width?: number } };
const axes = (input: ChartInput) => {
  const { option } = chartOptions(input);
  return { x: option.xAxis as Axis, y: option.yAxis as Axis, series: option.series as BarSeriesOption[] };
};

describe('the options of a bar chart', () => {
  it('counts whole things in whole steps, and lets fractions have fractional ones', () => {
    expect(allWhole(proposals.series)).toBe(true);
    expect(axes(proposals).y).toMatchObject({ type: 'value', minInterval: 1 });
    const fractions = { ...proposals, series: [{ name: 'Convictions', values: [40, 52.5, null] }] };
    expect(allWhole(fractions.series)).toBe(false);
    expect(axes(fractions).y.minInterval).toBeUndefined();
    // Asked for explicitly, it wins over the figures.
    expect(axes({ ...fractions, integer: true }).y.minInterval).toBe(1);
  });

  it('lays bars across when the labels are long or many, with labels that wrap in their own column', () => {
    expect(orientationFor(['2019', '2020', '2021'], 640)).toBe('vertical');
    expect(orientationFor(['Migration, asylum and visa policy', 'Schengen'], 1200)).toBe('horizontal');
    // Ten area codes fit side by side on a desktop, not on a phone.
    const codes = ['RS-24-POL', 'RS-24-TER', 'RS-24-MIG', 'RS-24-ASY', 'RS-24-VIS', 'RS-24-SCH', 'RS-24-JUD', 'RS-24-DRG', 'RS-24-FIR', 'RS-24-CYB'];
    expect(orientationFor(codes, 1200)).toBe('vertical');
    expect(orientationFor(codes, 358)).toBe('horizontal');

    const long = { ...proposals, categories: ['Migration, asylum and visa policy', 'Police cooperation and the fight against organised crime'] };
    const layout = chartOptions(long);
    expect(layout.orientation).toBe('horizontal');
    const { x, y } = axes(long);
    expect(x.type).toBe('value');
    expect(y).toMatchObject({ type: 'category', data: long.categories, axisLabel: { overflow: 'break' } });
    // Taller with more categories, so each keeps its row.
    expect(chartOptions({ ...long, categories: [...long.categories, ...long.categories] }).height).toBeGreaterThan(layout.height);
    // Told to, it stays vertical.
    expect(chartOptions({ ...long, orientation: 'vertical' }).orientation).toBe('vertical');
  });

  it('gives a meaning one colour and one pattern on every chart, in the light and the dark scheme', () => {
    const plan = {
      ...proposals,
      series: [
        { name: 'All activities', values: [3, 4], meaning: 'total' as const },
        { name: 'Overdue', values: [1, 0], meaning: 'negative' as const },
      ],
    };
    const colourOf = (input: ChartInput, name: string) => axes(input).series.find((s) => s.name === name)?.itemStyle?.color;
    expect(colourOf(proposals, 'Not accepted')).toBe(MEANING_LOOKS.negative.colour.light);
    expect(colourOf(plan, 'Overdue')).toBe(MEANING_LOOKS.negative.colour.light);
    expect(colourOf(proposals, 'Accepted')).not.toBe(colourOf(plan, 'Overdue'));
    expect(colourOf({ ...plan, scheme: 'dark' }, 'Overdue')).toBe(MEANING_LOOKS.negative.colour.dark);

    // Every meaning its own colour and its own pattern.
    const looks = Object.values(MEANING_LOOKS);
    expect(new Set(looks.map((l) => l.colour.light)).size).toBe(looks.length);
    expect(new Set(looks.map((l) => l.colour.dark)).size).toBe(looks.length);
    expect(new Set(looks.map((l) => JSON.stringify(l.decal))).size).toBe(looks.length);
  });

  it('says what the colours mean in a legend, keeps the patterns on, and leaves the words to the table', () => {
    const { option } = chartOptions(proposals);
    expect(option.legend).toMatchObject({ show: true, selectedMode: false });
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true }, label: { enabled: false } });
    // One series: the caption says what it is.
    expect(chartOptions({ ...proposals, series: [proposals.series[0]] }).option.legend).toMatchObject({ show: false });
  });

  it('writes figures as the reader’s language does, and draws dark-mode text light', () => {
    const format = (value: number) => value.toLocaleString('sr-Latn');
    const input = { ...proposals, series: [{ name: 'Budget', values: [1250.5, 300] }], format, scheme: 'dark' as const };
    const { y, series } = axes(input);
    expect((y.axisLabel as unknown as { formatter: (v: number) => string }).formatter(1250.5)).toBe('1.250,5');
    const label = series[0].label as { formatter: (p: { value: unknown }) => string; color: string };
    expect(label.formatter({ value: 1250.5 })).toBe('1.250,5');
    expect(label.formatter({ value: null })).toBe('');
    expect(label.color).toBe('#e3e2e6');
  });

  it('leaves a gap where a figure is unknown', () => {
    const { series } = axes({ ...proposals, categories: ['2018', '2019', '2020'], series: [{ name: 'Convictions', values: [12, null] }] });
    expect(series[0].data).toEqual([12, null, null]);
  });
});
