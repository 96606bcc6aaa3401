export * from './lib/audit-event.entity';
export * from './lib/audit-chain';
export * from './lib/audit.service';
export * from './lib/audit.module';
export * from './lib/audit-verifier';
export * from './lib/demo-seed';
