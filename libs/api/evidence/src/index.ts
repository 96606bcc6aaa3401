export * from './lib/evidence.module';
export * from './lib/evidence.service';
export * from './lib/evidence-demo.service';
export * from './lib/evidence-visibility';
