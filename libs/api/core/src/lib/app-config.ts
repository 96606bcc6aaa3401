import { resolve } from 'node:path';

/** The API's settings, read once from the environment at boot and checked there. */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** `production` never seeds demo data; anything else is a local, demo-mode run. */
  production: boolean;
  /** The built web app, served from the same origin as the API. Absent → API only. */
  webDir: string;
  seedsDir: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

export function readAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${env['PORT']}"`);
  }
  const databaseUrl = env['DATABASE_URL'];
  if (!databaseUrl) {
    throw new ConfigError('DATABASE_URL is not set (npm start sets it to an embedded PostgreSQL when you do not)');
  }
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  return {
    port,
    host: env['HOST'] ?? '0.0.0.0',
    databaseUrl,
    production: env['NODE_ENV'] === 'production',
    webDir: resolve(env['WEB_DIR'] ?? 'dist/apps/web/browser'),
    seedsDir: resolve(env['SEEDS_DIR'] ?? 'seeds'),
  };
}
