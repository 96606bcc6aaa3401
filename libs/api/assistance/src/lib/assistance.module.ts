import { Module } from '@nestjs/common';
import { AssistanceController } from './assistance.controller';
import { AssistanceDemoService } from './assistance-demo.service';
import { AssistanceService } from './assistance.service';

@Module({ controllers: [AssistanceController], providers: [AssistanceService, AssistanceDemoService], exports: [AssistanceService, AssistanceDemoService] })
export class AssistanceModule {}
