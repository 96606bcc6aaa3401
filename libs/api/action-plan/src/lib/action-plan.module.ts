import { Module, type OnModuleInit } from '@nestjs/common';
import { InboxRegistry } from '@bt/api/inbox';
import { MissionsModule } from '@bt/api/missions';
import { ActionPlanActivitiesService } from './action-plan-activities.service';
import { ActionPlanController } from './action-plan.controller';
import { ActionPlanDemoService } from './action-plan-demo.service';
import { ActionPlanService } from './action-plan.service';
import { ActivityReminders } from './activity-reminders';
import { CorrectiveMeasuresService } from './corrective-measures.service';
import { ProgressNotesService } from './progress-notes.service';

@Module({
  imports: [MissionsModule],
  controllers: [ActionPlanController],
  providers: [ActionPlanService, ActionPlanActivitiesService, ProgressNotesService, CorrectiveMeasuresService, ActionPlanDemoService, ActivityReminders],
  exports: [ActionPlanService, ActionPlanDemoService],
})
export class ActionPlanModule implements OnModuleInit {
  constructor(
    private readonly inbox: InboxRegistry,
    private readonly reminders: ActivityReminders,
  ) {}

  onModuleInit(): void {
    this.inbox.register(this.reminders);
  }
}
