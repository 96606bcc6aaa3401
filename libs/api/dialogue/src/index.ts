export * from './lib/dialogue.module';
export * from './lib/proposals.service';
export * from './lib/consideration.service';
export * from './lib/dialogue-demo.service';
export * from './lib/dialogue-access';
