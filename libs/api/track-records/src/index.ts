export * from './lib/track-records.module';
export * from './lib/track-records.service';
export * from './lib/track-records-demo.service';
export * from './lib/country-records-access';
export * from './lib/track-record-sheet';
