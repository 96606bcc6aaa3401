import { Module, type OnModuleInit } from '@nestjs/common';
import { InboxRegistry } from '@bt/api/inbox';
import { MissionsModule } from '@bt/api/missions';
import { ActionPlanController } from './action-plan.controller';
import { ActionPlanDemoService } from './action-plan-demo.service';
import { ActionPlanService } from './action-plan.service';
import { ActivityReminders } from './activity-reminders';

@Module({
  imports: [MissionsModule],
  controllers: [ActionPlanController],
  providers: [ActionPlanService, ActionPlanDemoService, ActivityReminders],
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
