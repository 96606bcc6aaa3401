import { Module } from '@nestjs/common';
import { AssessmentsModule } from '@bt/api/assessments';
import { CatalogueModule } from '@bt/api/catalogue';
import { DialogueModule } from '@bt/api/dialogue';
import { EvidenceModule } from '@bt/api/evidence';
import { IdentityModule } from '@bt/api/identity';
import { MissionsModule } from '@bt/api/missions';
import { BenchmarkHistoryService } from './benchmark-history.service';
import { BenchmarkTasksService } from './benchmark-tasks.service';
import { BenchmarkWorkflowDemoService } from './benchmark-workflow-demo.service';
import { BenchmarkWorkflowService } from './benchmark-workflow.service';
import { BenchmarksController } from './benchmarks.controller';
import { BenchmarksService } from './benchmarks.service';
import { WorkflowController } from './workflow.controller';

/** The benchmarks and their workflow, which reads the evidence, dialogue and missions of each (and, for the demo, acts as its accounts). */
@Module({
  imports: [AssessmentsModule, CatalogueModule, EvidenceModule, DialogueModule, IdentityModule, MissionsModule],
  controllers: [BenchmarksController, WorkflowController],
  providers: [BenchmarksService, BenchmarkWorkflowService, BenchmarkHistoryService, BenchmarkTasksService, BenchmarkWorkflowDemoService],
  exports: [BenchmarksService, BenchmarkWorkflowService, BenchmarkHistoryService, BenchmarkWorkflowDemoService],
})
export class BenchmarksModule {}
