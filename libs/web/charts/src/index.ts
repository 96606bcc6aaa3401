export * from './lib/bar-chart/bar-chart';
