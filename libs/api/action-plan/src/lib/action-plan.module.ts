import { Module } from '@nestjs/common';
import { MissionsModule } from '@bt/api/missions';
import { ActionPlanController } from './action-plan.controller';
import { ActionPlanDemoService } from './action-plan-demo.service';
import { ActionPlanService } from './action-plan.service';

@Module({ imports: [MissionsModule], controllers: [ActionPlanController], providers: [ActionPlanService, ActionPlanDemoService], exports: [ActionPlanService, ActionPlanDemoService] })
export class ActionPlanModule {}
