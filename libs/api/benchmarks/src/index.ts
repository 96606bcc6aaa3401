export * from './lib/benchmarks.module';
export * from './lib/benchmarks.service';
export * from './lib/catalogue';
export * from './lib/catalogue/catalogue-file';
export * from './lib/catalogue/catalogue-import.service';
