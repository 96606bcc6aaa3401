import type { TrackRecordSeriesDto } from '@bt/contracts';
import { seriesChart } from './track-record-chart';

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
});
