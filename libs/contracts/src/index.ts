export * from './lib/page';
export * from './lib/catalogue.dto';
export * from './lib/benchmark-list.query';
export * from './lib/identity.dto';
export * from './lib/workflow.dto';
