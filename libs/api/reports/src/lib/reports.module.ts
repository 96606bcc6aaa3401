import { Module } from '@nestjs/common';
import { ActionPlanModule } from '@bt/api/action-plan';
import { AssessmentsModule } from '@bt/api/assessments';
import { BenchmarksModule } from '@bt/api/benchmarks';
import { ConsultationsModule } from '@bt/api/consultations';
import { DialogueModule } from '@bt/api/dialogue';
import { EvidenceModule } from '@bt/api/evidence';
import { IdentityModule } from '@bt/api/identity';
import { MissionsModule } from '@bt/api/missions';
import { TrackRecordsModule } from '@bt/api/track-records';
import { ChapterReportService } from './chapter-report.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Documents that leave the product (Word, PDF), read through the other domains' services. */
@Module({
  imports: [
    ActionPlanModule,
    AssessmentsModule,
    BenchmarksModule,
    ConsultationsModule,
    DialogueModule,
    EvidenceModule,
    IdentityModule,
    MissionsModule,
    TrackRecordsModule,
  ],
  controllers: [ReportsController],
  providers: [ReportsService, ChapterReportService],
})
export class ReportsModule {}
