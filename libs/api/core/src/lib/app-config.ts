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
  /** Uploaded files, under server-made names, when they are not in an S3 bucket (`filesS3`). */
  filesDir: string;
  /** Uploaded files in a bucket of an S3-compatible store instead of `filesDir` (FILES_S3_BUCKET set): what several instances share. */
  filesS3: S3Settings | null;
  uploadLimitBytes: number;
  /** An upload that sends nothing for this long is abandoned (408) and its partial file removed. */
  uploadIdleSeconds: number;
  /** `cacheSeconds`: how long who is behind a session is remembered between requests (0: read on every request). */
  sessions: { idleMinutes: number; maxHours: number; cacheSeconds: number };
  /** Single sign-on with OpenID Connect; null when not configured. */
  oidc: OidcConfig | null;
  /**
   * Which proxies' X-Forwarded-* headers to trust (for the client address and https): false, a number
   * of hops (`TRUST_PROXY=true` is one: the TLS-terminating proxy in front), or their addresses.
   * The client address is the one the last trusted proxy saw, never what the client claims.
   */
  trustProxy: false | number | string[];
  /** The browsable API (/api/docs) and its OpenAPI document (/api/docs-json): on in demo mode, off in production unless asked for. */
  apiDocs: boolean;
  /** Per-caller limits on costly requests (search, uploads, imports, reports): on unless RATE_LIMITS=false (benchmarks). */
  rateLimits: boolean;
  /**
   * Notifications (libs/api/notifications): `worker` dispatches hand-overs to the people concerned
   * every `pollMs` (off in tests that do not need it: they dispatch when they choose). `secret`
   * (NOTIFICATION_SECRET) signs the e-mails' unsubscribe links; null: the one generated in the database.
   */
  notifications: { worker: boolean; pollMs: number; secret: string | null };
  /**
   * E-mail of notifications: `smtpUrl` null → mail stays queued (admins see a warning); `publicUrl`
   * the product's address as its users reach it, for links in e-mails; a failed delivery is retried
   * `retryLimit` times, `retryDelaySeconds` apart at first and doubling.
   */
  mail: { smtpUrl: string | null; from: string; publicUrl: string; retryLimit: number; retryDelaySeconds: number };
}

/** An S3-compatible store (FILES_S3_*); no endpoint: AWS S3 itself; no keys: the SDK's own credentials (AWS_* variables, an instance role). */
export interface S3Settings {
  endpoint: string | null;
  bucket: string;
  region: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  forcePathStyle: boolean;
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
  const nonNegative = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value < 0 || value > 60) throw new ConfigError(`${name} must be a number of seconds from 0 to 60, got "${env[name]}"`);
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
    filesS3: readS3Settings(env),
    uploadLimitBytes: Math.round(positive('UPLOAD_LIMIT_MB', 50) * 1024 * 1024),
    uploadIdleSeconds: positive('UPLOAD_IDLE_SECONDS', 30),
    sessions: {
      idleMinutes: positive('SESSION_IDLE_MINUTES', 30),
      maxHours: positive('SESSION_MAX_HOURS', 12),
      cacheSeconds: nonNegative('SESSION_CACHE_SECONDS', 5),
    },
    oidc: readOidcConfig(env),
    trustProxy: readTrustProxy(env['TRUST_PROXY']),
    apiDocs: readSwitch(env, 'API_DOCS', env['NODE_ENV'] !== 'production'),
    rateLimits: readSwitch(env, 'RATE_LIMITS', true),
    notifications: {
      worker: readSwitch(env, 'NOTIFICATIONS_WORKER', true),
      pollMs: Math.round(positive('NOTIFICATIONS_POLL_SECONDS', 1) * 1000),
      secret: readNotificationSecret(env),
    },
    mail: readMailConfig(env, port),
  };
}

function readMailConfig(env: NodeJS.ProcessEnv, port: number): AppConfig['mail'] {
  const smtpUrl = env['SMTP_URL']?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL (not echoed: it may hold a password)');
  const publicUrl = (env['PUBLIC_URL']?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an http(s):// URL, got "${env['PUBLIC_URL']}"`);
  const retryLimit = Number(env['MAIL_RETRY_LIMIT'] ?? 5);
  if (!Number.isInteger(retryLimit) || retryLimit < 0 || retryLimit > 20)
    throw new ConfigError(`MAIL_RETRY_LIMIT must be a whole number from 0 to 20, got "${env['MAIL_RETRY_LIMIT']}"`);
  const retryDelaySeconds = Number(env['MAIL_RETRY_DELAY_SECONDS'] ?? 30);
  if (!Number.isInteger(retryDelaySeconds) || retryDelaySeconds < 1)
    throw new ConfigError(`MAIL_RETRY_DELAY_SECONDS must be a whole number of seconds, got "${env['MAIL_RETRY_DELAY_SECONDS']}"`);
  return { smtpUrl, from: env['MAIL_FROM']?.trim() || 'Benchmark Tracker <no-reply@localhost>', publicUrl, retryLimit, retryDelaySeconds };
}

function readS3Settings(env: NodeJS.ProcessEnv): S3Settings | null {
  const value = (name: string) => env[name]?.trim() || null;
  const bucket = value('FILES_S3_BUCKET');
  const others = ['FILES_S3_ENDPOINT', 'FILES_S3_REGION', 'FILES_S3_ACCESS_KEY_ID', 'FILES_S3_SECRET_ACCESS_KEY', 'FILES_S3_FORCE_PATH_STYLE'].filter(value);
  if (!bucket) {
    if (others.length)
      throw new ConfigError(`${others.join(', ')} set without FILES_S3_BUCKET: set the bucket too, or none of them to keep files in FILES_DIR`);
    return null;
  }
  const endpoint = value('FILES_S3_ENDPOINT');
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) throw new ConfigError(`FILES_S3_ENDPOINT must be an http(s):// URL, got "${endpoint}"`);
  const accessKeyId = value('FILES_S3_ACCESS_KEY_ID');
  const secretAccessKey = value('FILES_S3_SECRET_ACCESS_KEY');
  if (!accessKeyId !== !secretAccessKey)
    throw new ConfigError("FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS SDK's own credentials");
  // Another store than AWS (MinIO, Ceph, s3rver) names buckets in the path, not the host name.
  const forcePathStyle = readSwitch(env, 'FILES_S3_FORCE_PATH_STYLE', endpoint !== null);
  return { endpoint, bucket, region: value('FILES_S3_REGION') ?? 'us-east-1', accessKeyId, secretAccessKey, forcePathStyle };
}

function readNotificationSecret(env: NodeJS.ProcessEnv): string | null {
  const secret = env['NOTIFICATION_SECRET']?.trim() || null;
  if (secret && secret.length < 32) throw new ConfigError('NOTIFICATION_SECRET must be at least 32 characters (not echoed), e.g. from `openssl rand -hex 32`');
  return secret;
}

function readSwitch(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** `TRUST_PROXY`: unset or `false`; `true` (one hop); a number of hops; or addresses and CIDR ranges, comma-separated. */
function readTrustProxy(value: string | undefined): false | number | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return 1;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 10) throw new ConfigError(`TRUST_PROXY must be 1 to 10 hops, got "${value}"`);
    return hops;
  }
  const addresses = text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)(\/\d{1,3})?$/i;
  const bad = addresses.find((a) => !address.test(a));
  if (bad) throw new ConfigError(`TRUST_PROXY must be true, a number of hops or proxy addresses (e.g. 10.0.0.1,10.1.0.0/16), got "${bad}"`);
  return addresses;
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
