export * from './lib/benchmarks.module';
export * from './lib/benchmarks.service';
export * from './lib/benchmark-workflow.service';
export * from './lib/benchmark-history.service';
export * from './lib/benchmark-tasks.service';
export * from './lib/benchmark-workflow-demo.service';
