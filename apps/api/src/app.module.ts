import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, HealthController } from '@bt/api/core';
import { BenchmarksModule } from '@bt/api/benchmarks';
import { dataSourceOptions } from './database/data-source';

/** The composition root: configuration, the database, and one module per domain. */
export class AppModule {
  static forConfig(config: AppConfig) {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), migrationsRun: true }),
        BenchmarksModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
    };
  }
}

Module({})(AppModule);
