import { Module } from '@nestjs/common';
import { AssistanceController } from './assistance.controller';
import { AssistanceDemoService } from './assistance-demo.service';
import { AssistanceEditingService } from './assistance-editing.service';
import { AssistanceIatiController } from './assistance-iati.controller';
import { AssistanceIatiService } from './assistance-iati.service';
import { AssistanceService } from './assistance.service';

@Module({
  controllers: [AssistanceIatiController, AssistanceController],
  providers: [AssistanceService, AssistanceEditingService, AssistanceDemoService, AssistanceIatiService],
  exports: [AssistanceService, AssistanceDemoService],
})
export class AssistanceModule {}
