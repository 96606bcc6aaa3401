import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type AppConfig, ConfigModule, HealthController } from '@bt/api/core';
import { AuditModule } from '@bt/api/audit';
import { BenchmarksModule } from '@bt/api/benchmarks';
import { IdentityModule } from '@bt/api/identity';
import { dataSourceOptions } from './database/data-source';

/** The composition root: configuration, the database, and one module per domain. */
export class AppModule {
  static forConfig(config: AppConfig) {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), migrationsRun: true }),
        AuditModule,
        IdentityModule,
        BenchmarksModule,
      ],
      controllers: [HealthController],
    };
  }
}

Module({})(AppModule);
