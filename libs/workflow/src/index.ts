export * from './lib/benchmark-state';
export * from './lib/roles';
export * from './lib/assessment-scales';
export * from './lib/benchmark-machine';
export * from './lib/benchmark-rules';
export * from './lib/machine-rules';
export * from './lib/consultation-machine';
export * from './lib/consultation-rules';
