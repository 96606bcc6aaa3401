export * from './lib/assistance.module';
export * from './lib/assistance.service';
export * from './lib/assistance-demo.service';
export * from './lib/project-citation';
export * from './lib/assistance-iati.service';
export { IATI_ACTIVITY_ORDER, IATI_VERSION, BT_NAMESPACE } from './lib/iati';
