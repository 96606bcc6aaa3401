import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { DATABASE_TYPES } from '@bt/api/core';
import { AuditEvent } from '@bt/api/audit';
import { CATALOGUE_ENTITIES } from '@bt/api/catalogue';
import { IDENTITY_ENTITIES } from '@bt/api/identity';
import { DatabaseLogger } from './database-logger';
import { MIGRATIONS } from './migrations';

/**
 * The one description of the database, used by the app and by the TypeORM migration CLI
 * (`npm run typeorm -- migration:generate -d apps/api/src/database/data-source.ts …`).
 * The schema changes only through migrations.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [...CATALOGUE_ENTITIES, ...IDENTITY_ENTITIES, AuditEvent],
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    logger: new DatabaseLogger(),
    extra: { max: Number(process.env['DATABASE_POOL_SIZE'] ?? 20), application_name: 'benchmark-tracker', types: DATABASE_TYPES },
  };
}

export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://localhost/benchmark_tracker'));
