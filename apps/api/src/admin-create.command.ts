import { createInterface } from 'node:readline';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import type { AppConfig } from '@bt/api/core';
import { createAdmin, FirstAdminError } from '@bt/api/identity';
import { AppModule } from './app.module';

/**
 * `npm run admin:create -- --email someone@example.org [--name "Full Name"]`: creates an admin in a
 * production installation. The password is read from the prompt (not echoed) or from stdin.
 */
export async function adminCreateCommand(config: AppConfig, args: string[]): Promise<number> {
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const email = option('email');
  if (!email) {
    console.error('usage: npm run admin:create -- --email someone@example.org [--name "Full Name"]');
    return 2;
  }
  const password = await readPassword();
  const app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger: ['error', 'warn'] });
  try {
    await createAdmin(app.get(DataSource), app.get(AuditService), email, option('name') ?? email, password);
    console.log(`admin ${email.toLowerCase()} created`);
    return 0;
  } catch (error) {
    if (error instanceof FirstAdminError) {
      console.error(`not created: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}

function readPassword(): Promise<string> {
  const interactive = process.stdin.isTTY;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  if (interactive) {
    process.stdout.write('Password (at least 12 characters): ');
    // Do not echo what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  return new Promise((resolve) => {
    rl.once('line', (line) => {
      resolve(line); // before close(), whose 'close' event would otherwise answer first
      rl.close();
      if (interactive) process.stdout.write('\n');
    });
    rl.once('close', () => resolve(''));
  });
}
