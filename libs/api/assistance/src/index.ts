export * from './lib/assistance.module';
export * from './lib/assistance.service';
export * from './lib/assistance-demo.service';
