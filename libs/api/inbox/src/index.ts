export * from './lib/inbox-registry';
export * from './lib/inbox.service';
export * from './lib/inbox.module';
