import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type AppConfig, ConfigModule, HealthController, SettingsController } from '@bt/api/core';
import { AuditModule } from '@bt/api/audit';
import { BenchmarksModule } from '@bt/api/benchmarks';
import { ConsultationsModule } from '@bt/api/consultations';
import { ActionPlanModule } from '@bt/api/action-plan';
import { AssistanceModule } from '@bt/api/assistance';
import { IdentityModule } from '@bt/api/identity';
import { InboxModule } from '@bt/api/inbox';
import { LiveModule } from '@bt/api/live';
import { ReportsModule } from '@bt/api/reports';
import { NotificationsModule } from '@bt/api/notifications';
import { SearchModule } from '@bt/api/search';
import { TrackRecordsModule } from '@bt/api/track-records';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './database/data-source';
import { runMigrationsOneAtATime } from './database/migrate';

/** The composition root: configuration, the database, and one module per domain. */
export class AppModule {
  static forConfig(config: AppConfig) {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // Migrated before anything else starts, one instance at a time (several may start together).
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config.databaseUrl),
          dataSourceFactory: async (options) => runMigrationsOneAtATime(await new DataSource(options as DataSourceOptions).initialize()),
        }),
        AuditModule,
        IdentityModule,
        InboxModule,
        BenchmarksModule,
        ConsultationsModule,
        TrackRecordsModule,
        ActionPlanModule,
        AssistanceModule,
        SearchModule,
        ReportsModule,
        NotificationsModule,
        LiveModule,
      ],
      controllers: [HealthController, SettingsController],
    };
  }
}

Module({})(AppModule);
