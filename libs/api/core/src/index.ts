export * from './lib/app-config';
export * from './lib/api-exception.filter';
export * from './lib/validation';
export * from './lib/health.controller';
export * from './lib/settings.controller';
export * from './lib/web-app';
export * from './lib/config.module';
export * from './lib/public.decorator';
