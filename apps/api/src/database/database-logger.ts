import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/**
 * What TypeORM tells the log: failed and slow statements, migrations and warnings — never a
 * statement's parameters, which carry what people wrote (an internal evidence narrative, an e-mail
 * address). The statement's text and PostgreSQL's error are enough to find the fault.
 */
export class DatabaseLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Successful statements are not logged.
  }

  // The parameters are received and left out, on purpose.
  logQueryError(error: string | Error, query: string, _parameters?: unknown): void {
    this.logger.warn(`query failed: ${oneLine(query)} — ${error instanceof Error ? error.message : error}`);
  }

  logQuerySlow(time: number, query: string, _parameters?: unknown): void {
    this.logger.warn(`query took ${time} ms: ${oneLine(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}

const oneLine = (query: string) => query.replace(/\s+/g, ' ').trim();
