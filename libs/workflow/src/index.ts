export * from './lib/benchmark-state';
