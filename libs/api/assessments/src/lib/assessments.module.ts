import { Module } from '@nestjs/common';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { ChapterAssessmentsService } from './chapter-assessments.service';
import { AssessmentsDemoService } from './assessments-demo.service';

/** The Commission's assessments, the ministry's self-assessments and the CSOs' shadow assessments. */
@Module({
  controllers: [AssessmentsController],
  providers: [AssessmentsService, ChapterAssessmentsService, AssessmentsDemoService],
  exports: [AssessmentsService, ChapterAssessmentsService, AssessmentsDemoService],
})
export class AssessmentsModule {}
