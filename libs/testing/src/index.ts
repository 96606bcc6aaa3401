export * from './test-database';
export * from './api-client';
export * from './zip-file';
export * from './smtp-catcher';
export * from './s3-server';
