export * from './lib/search.module';
export * from './lib/search.service';
