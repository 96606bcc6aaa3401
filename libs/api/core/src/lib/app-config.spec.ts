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
});
