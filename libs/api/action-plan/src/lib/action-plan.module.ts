import { Module } from '@nestjs/common';
import { ActionPlanController } from './action-plan.controller';
import { ActionPlanDemoService } from './action-plan-demo.service';
import { ActionPlanService } from './action-plan.service';

@Module({ controllers: [ActionPlanController], providers: [ActionPlanService, ActionPlanDemoService], exports: [ActionPlanService, ActionPlanDemoService] })
export class ActionPlanModule {}
