import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, readAppConfig } from '@bt/api/core';
import { createApp } from './app';

async function bootstrap(): Promise<void> {
  const config = readAppConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as { port: number };
  const web = app.getHttpAdapter().getInstance().hasRoute({ method: 'GET', url: '/' }) ? '' : ' (API only: the web app is not built)';
  Logger.log(`Benchmark Tracker is ready at http://localhost:${port}${web}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
