export * from './lib/live-changes';
export * from './lib/live.module';
