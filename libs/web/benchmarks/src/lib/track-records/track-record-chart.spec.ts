import type { TrackRecordSeriesDto } from '@bt/contracts';
import { seriesChart, yearOnYear } from './track-record-chart';

describe('a track-record series as a chart', () => {
  it('puts the periods in time order, years and quarters alike, one bar each', () => {
    const series: TrackRecordSeriesDto = {
      id: 's',
      benchmarkId: 'b',
      name: 'CT SIENA messages',
      unit: 'messages',
      category: 'terrorism',
      countingRule: '',
      values: [
        { period: '2020-Q1', value: 129, source: 'x', note: '' },
        { period: '2019', value: 394, source: 'x', note: '' },
        { period: '2020-Q2', value: 0, source: 'x', note: '' },
      ],
    };
    expect(seriesChart(series)).toEqual({ categories: ['2019', '2020-Q1', '2020-Q2'], series: [{ name: 'CT SIENA messages', values: [394, 129, 0] }] });
  });

  it('compares the latest figure with the same period a year earlier, when there is one', () => {
    const values = (...figures: [string, number][]) => ({ values: figures.map(([period, value]) => ({ period, value, source: 'x', note: '' })) });
    expect(yearOnYear(values(['2019', 40], ['2021', 52.5], ['2020', 37]))).toEqual({
      period: '2021',
      value: 52.5,
      previousPeriod: '2020',
      previousValue: 37,
      percent: 42,
    });
    expect(yearOnYear(values(['2019-Q2', 10], ['2020-Q1', 3], ['2020-Q2', 5]))).toEqual({
      period: '2020-Q2',
      value: 5,
      previousPeriod: '2019-Q2',
      previousValue: 10,
      percent: -50,
    });
    expect(yearOnYear(values(['2020', 7], ['2019', 0]))?.percent).toBeNull();
    expect(yearOnYear(values(['2019', 394], ['2020-Q1', 129]))).toBeNull(); // 2020-Q1 has no 2019-Q1
    expect(yearOnYear(values())).toBeNull();
  });
});
