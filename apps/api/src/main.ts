import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, readAppConfig } from '@bt/api/core';
import { adminCreateCommand } from './admin-create.command';
import { auditVerifyCommand } from './audit-verify.command';
import { createApp } from './app';

async function serve(): Promise<void> {
  const config = readAppConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as { port: number };
  const web = app.getHttpAdapter().getInstance().hasRoute({ method: 'GET', url: '/' }) ? '' : ' (API only: the web app is not built)';
  Logger.log(`Benchmark Tracker is ready at http://localhost:${port}${web}`, 'Bootstrap');
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'admin:create') {
    process.exitCode = await adminCreateCommand(readAppConfig(), args);
    return;
  }
  if (command === 'audit:verify') {
    process.exitCode = await auditVerifyCommand(readAppConfig());
    return;
  }
  await serve();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
