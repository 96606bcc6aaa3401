import { join, resolve } from 'node:path';

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
  /** Uploaded files, under server-made names. */
  filesDir: string;
  uploadLimitBytes: number;
  sessions: { idleMinutes: number; maxHours: number };
  /** Single sign-on with OpenID Connect; null when not configured. */
  oidc: OidcConfig | null;
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (for the client address and https). */
  trustProxy: boolean;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  /** The button's name on the sign-in page, e.g. "EU Login". */
  label: string;
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
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, got "${env[name]}"`);
    return value;
  };
  return {
    port,
    host: env['HOST'] ?? '0.0.0.0',
    databaseUrl,
    production: env['NODE_ENV'] === 'production',
    webDir: resolve(env['WEB_DIR'] ?? 'dist/apps/web/browser'),
    seedsDir: resolve(env['SEEDS_DIR'] ?? 'seeds'),
    filesDir: resolve(env['FILES_DIR'] ?? join(env['DATA_DIR'] ?? '.data', 'files')),
    uploadLimitBytes: Math.round(positive('UPLOAD_LIMIT_MB', 50) * 1024 * 1024),
    sessions: { idleMinutes: positive('SESSION_IDLE_MINUTES', 30), maxHours: positive('SESSION_MAX_HOURS', 12) },
    oidc: readOidcConfig(env),
    trustProxy: env['TRUST_PROXY'] === 'true',
  };
}

function readOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env['OIDC_ISSUER'];
  if (!issuer) return null;
  const missing = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'].filter((name) => !env[name]);
  if (missing.length) throw new ConfigError(`OIDC_ISSUER is set, so ${missing.join(', ')} must be set too`);
  return {
    issuer,
    clientId: env['OIDC_CLIENT_ID'] as string,
    clientSecret: env['OIDC_CLIENT_SECRET'] as string,
    redirectUrl: env['OIDC_REDIRECT_URL'] as string,
    label: env['OIDC_LABEL'] ?? 'EU Login',
  };
}
