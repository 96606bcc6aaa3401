export * from './lib/document-kinds';
export * from './lib/file-name';
export * from './lib/file-storage';
export * from './lib/s3-storage';
export * from './lib/files.service';
export * from './lib/files.module';
export * from './lib/zip-reader';
export * from './lib/file-leftovers';
