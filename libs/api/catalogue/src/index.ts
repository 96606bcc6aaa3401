export * from './lib/index';
export * from './lib/catalogue-file';
export * from './lib/catalogue-import.service';
export * from './lib/catalogue.module';
export * from './lib/benchmark-scope';
export * from './lib/benchmark-ref.pipe';
