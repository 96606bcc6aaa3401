export * from './lib/action-plan.module';
export * from './lib/action-plan.service';
export * from './lib/action-plan-demo.service';
