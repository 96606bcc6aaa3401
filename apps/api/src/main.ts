import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { ConfigError, DatabaseWatch, drain, readAppConfig, readDatabaseLostSeconds, WebApp } from '@bt/api/core';
import { FileLeftovers } from '@bt/api/files';
import { adminCreateCommand } from './admin-create.command';
import { auditVerifyCommand } from './audit-verify.command';
import { backupCommand } from './backup.command';
import { restoreCommand } from './restore.command';
import { createApp } from './app';

/** How long the requests in flight at SIGTERM may take before their connections are closed. */
const IN_FLIGHT_GRACE_MS = 10_000;

async function serve(): Promise<void> {
  const config = readAppConfig();
  const lostSeconds = readDatabaseLostSeconds();
  const app = await createApp(config);
  // Before the first request: what a crash left in the file store (a cut-off upload's .part) goes.
  await app.get(FileLeftovers).start();
  await app.listen(config.port, config.host);
  const watch = new DatabaseWatch(app.get(DataSource));
  stopOn(app, watch);
  // The database gone for good: exit non-zero, so that a supervisor (or npm start's script) restarts.
  watch.start(lostSeconds, () => void stop(app, watch, 'the database is lost', 1));
  const { port } = app.getHttpServer().address() as { port: number };
  const web = WebApp.isBuilt(config.webDir) ? '' : ' (API only: the web app is not built)';
  Logger.log(`Benchmark Tracker is ready at http://localhost:${port}${web}`, 'Bootstrap');
}

function stopOn(app: NestFastifyApplication, watch: DatabaseWatch): void {
  process.once('SIGTERM', () => void stop(app, watch, 'SIGTERM', 0));
  process.once('SIGINT', () => void stop(app, watch, 'SIGINT', 0));
  // Started by tools/start.mjs over IPC: when the script is gone, however it ended, so is the API (no orphan on the port).
  if (process.send) process.once('disconnect', () => void stop(app, watch, 'the start script went away', 0));
}

let stopping = false;
/**
 * A clean stop: no new connections (and 503 to a new request on a kept-alive one), the requests in
 * flight answered — their connections closed after IN_FLIGHT_GRACE_MS at the latest —, then the
 * modules' own stops (workers, LISTEN connections) and last the database pool.
 */
async function stop(app: NestFastifyApplication, watch: DatabaseWatch, reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  watch.stop();
  Logger.log(`${reason}: finishing the requests in flight (at most ${IN_FLIGHT_GRACE_MS / 1000} s), then stopping`, 'Shutdown');
  // Whatever hangs (a module's stop), the process ends.
  setTimeout(() => process.exit(code || 1), 3 * IN_FLIGHT_GRACE_MS).unref();
  try {
    const { cutOff } = await drain(app.getHttpAdapter().getInstance(), IN_FLIGHT_GRACE_MS);
    if (cutOff) Logger.warn(`${cutOff} request(s) still running after ${IN_FLIGHT_GRACE_MS / 1000} s: their connections were closed`, 'Shutdown');
    await app.close();
    Logger.log('stopped', 'Shutdown');
    process.exit(code);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
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
  if (command === 'backup') {
    process.exitCode = await backupCommand(readAppConfig(), args);
    return;
  }
  if (command === 'restore') {
    process.exitCode = await restoreCommand(readAppConfig(), args);
    return;
  }
  await serve();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
