import { ConfigError, readAppConfig } from './app-config';

describe('readAppConfig', () => {
  const url = 'postgres://u:p@127.0.0.1:5432/bt';

  it('defaults to port 3000 in demo mode', () => {
    expect(readAppConfig({ DATABASE_URL: url })).toMatchObject({ port: 3000, databaseUrl: url, production: false });
  });

  it('reads PORT and production mode', () => {
    expect(readAppConfig({ DATABASE_URL: url, PORT: '8080', NODE_ENV: 'production' })).toMatchObject({ port: 8080, production: true });
  });

  it('refuses a missing or malformed setting with a message naming it', () => {
    expect(() => readAppConfig({})).toThrow(ConfigError);
    expect(() => readAppConfig({})).toThrow(/DATABASE_URL/);
    expect(() => readAppConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
    expect(() => readAppConfig({ DATABASE_URL: url, PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('keeps files in FILES_DIR unless FILES_S3_BUCKET names a bucket of an S3-compatible store', () => {
    expect(readAppConfig({ DATABASE_URL: url }).filesS3).toBeNull();
    expect(readAppConfig({ DATABASE_URL: url, FILES_S3_BUCKET: 'bt-files' }).filesS3).toEqual({
      endpoint: null,
      bucket: 'bt-files',
      region: 'us-east-1',
      accessKeyId: null,
      secretAccessKey: null,
      forcePathStyle: false,
    });
    const minio = {
      DATABASE_URL: url,
      FILES_S3_BUCKET: 'bt',
      FILES_S3_ENDPOINT: 'http://minio:9000',
      FILES_S3_REGION: 'eu-central-1',
      FILES_S3_ACCESS_KEY_ID: 'k',
      FILES_S3_SECRET_ACCESS_KEY: 's',
    };
    expect(readAppConfig(minio).filesS3).toEqual({
      endpoint: 'http://minio:9000',
      bucket: 'bt',
      region: 'eu-central-1',
      accessKeyId: 'k',
      secretAccessKey: 's',
      forcePathStyle: true,
    });
    expect(readAppConfig({ ...minio, FILES_S3_FORCE_PATH_STYLE: 'false' }).filesS3?.forcePathStyle).toBe(false);
    expect(() => readAppConfig({ DATABASE_URL: url, FILES_S3_ENDPOINT: 'http://minio:9000' })).toThrow(/FILES_S3_ENDPOINT set without FILES_S3_BUCKET/);
    expect(() => readAppConfig({ ...minio, FILES_S3_SECRET_ACCESS_KEY: '' })).toThrow(/go together/);
    expect(() => readAppConfig({ ...minio, FILES_S3_ENDPOINT: 'minio:9000' })).toThrow(/FILES_S3_ENDPOINT must be/);
    expect(() => readAppConfig({ ...minio, FILES_S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/FILES_S3_FORCE_PATH_STYLE/);
  });

  it('gives up on an upload after 30 s without a byte, or UPLOAD_IDLE_SECONDS', () => {
    expect(readAppConfig({ DATABASE_URL: url }).uploadIdleSeconds).toBe(30);
    expect(readAppConfig({ DATABASE_URL: url, UPLOAD_IDLE_SECONDS: '0.5' }).uploadIdleSeconds).toBe(0.5);
    expect(() => readAppConfig({ DATABASE_URL: url, UPLOAD_IDLE_SECONDS: '0' })).toThrow(/UPLOAD_IDLE_SECONDS/);
  });

  it('reads TRUST_PROXY as hops or proxy addresses, never as "trust whatever the client says"', () => {
    const trust = (value?: string) => readAppConfig({ DATABASE_URL: url, TRUST_PROXY: value }).trustProxy;
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.1, 10.1.0.0/16')).toEqual(['10.0.0.1', '10.1.0.0/16']);
    expect(() => trust('0')).toThrow(/TRUST_PROXY/);
    expect(() => trust('yes please')).toThrow(/TRUST_PROXY/);
  });

  it('serves the API documentation in demo mode, and in production only when API_DOCS=true', () => {
    expect(readAppConfig({ DATABASE_URL: url }).apiDocs).toBe(true);
    expect(readAppConfig({ DATABASE_URL: url, NODE_ENV: 'production' }).apiDocs).toBe(false);
    expect(readAppConfig({ DATABASE_URL: url, NODE_ENV: 'production', API_DOCS: 'true' }).apiDocs).toBe(true);
    expect(readAppConfig({ DATABASE_URL: url, API_DOCS: 'false' }).apiDocs).toBe(false);
    expect(() => readAppConfig({ DATABASE_URL: url, API_DOCS: 'yes' })).toThrow(/API_DOCS/);
  });
});
