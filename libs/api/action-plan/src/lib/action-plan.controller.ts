import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { attachment, AttachmentHeaders } from '@bt/api/files';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import { Actor, CurrentViewer, type Viewer } from '@bt/api/identity';
import {
  type ActionActivityDto,
  ActionPlanQuery,
  ActionPlanSummaryQuery,
  type ActionPlanSummaryDto,
  type ActivityProgressNoteDto,
  type CorrectiveMeasureDto,
  CorrectiveMeasureRequest,
  CreateActivityRequest,
  ProgressNoteRequest,
  type RecommendationDto,
  type RecommendationMeasureDto,
  UpdateActivityRequest,
  UpdateCorrectiveMeasureRequest,
} from '@bt/contracts';
import { ActionPlanActivitiesService } from './action-plan-activities.service';
import { ActionPlanService } from './action-plan.service';
import { CorrectiveMeasuresService } from './corrective-measures.service';
import { ProgressNotesService } from './progress-notes.service';
import { actionPlanWorkbook } from './action-plan-workbook';
import { CostlyRequest, uuidParam } from '@bt/api/core';

const uuid = uuidParam();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('action-plan')
@Controller()
export class ActionPlanController {
  constructor(
    private readonly actionPlan: ActionPlanService,
    private readonly activities: ActionPlanActivitiesService,
    private readonly notes: ProgressNotesService,
    private readonly measures: CorrectiveMeasuresService,
  ) {}

  /** The Action Plan activities this caller may see, with progress notes and corrective measures; filters: country, area, benchmark, status, institution, overdue. */
  @Get('action-plan/activities')
  list(@Query() query: ActionPlanQuery, @CurrentViewer() viewer: Viewer): Promise<ActionActivityDto[]> {
    return this.actionPlan.list(viewer, query);
  }

  /** The same activities, with the same filters, as an XLSX sheet. */
  @CostlyRequest('report')
  @Get('action-plan/activities.xlsx')
  @ApiProduces(XLSX)
  @AttachmentHeaders()
  async export(@Query() query: ActionPlanQuery, @CurrentViewer() viewer: Viewer): Promise<StreamableFile> {
    const activities = await this.actionPlan.list(viewer, query);
    const bytes = Buffer.from(await actionPlanWorkbook(activities).xlsx.writeBuffer());
    return attachment(bytes, `action-plan${query.country ? `-${query.country}` : ''}.xlsx`, XLSX);
  }

  /** The corrective measures made of peer-review recommendations (no activity of their own); filters: country, area, benchmark. */
  @Get('action-plan/recommendation-measures')
  recommendationMeasures(@Query() query: ActionPlanQuery, @CurrentViewer() viewer: Viewer): Promise<RecommendationMeasureDto[]> {
    return this.actionPlan.recommendationMeasures(viewer, query);
  }

  /** Counts for the dashboard: total, by status, overdue, with a corrective measure, per area. */
  @Get('action-plan/summary')
  summary(@Query() query: ActionPlanSummaryQuery, @CurrentViewer() viewer: Viewer): Promise<ActionPlanSummaryDto> {
    return this.actionPlan.summary(viewer, query.country);
  }

  /** Adds an activity to a benchmark (ministry of the benchmark's country); 409 when its code is taken. */
  @Post('benchmarks/:id/activities')
  create(@Param('id', BenchmarkRefPipe) id: string, @Body() body: CreateActivityRequest, @Actor() actor: Actor): Promise<ActionActivityDto> {
    return this.activities.create(actor, id, body);
  }

  /** Changes an activity (status, deadline, budget …) at the version the caller saw; 409 when stale. */
  @Patch('activities/:id')
  update(@Param('id', uuid) id: string, @Body() body: UpdateActivityRequest, @Actor() actor: Actor): Promise<ActionActivityDto> {
    return this.activities.update(actor, id, body);
  }

  /** Adds a progress note (append-only; ministry of the country). */
  @Post('activities/:id/progress-notes')
  addNote(@Param('id', uuid) id: string, @Body() body: ProgressNoteRequest, @Actor() actor: Actor): Promise<ActivityProgressNoteDto> {
    return this.notes.addNote(actor, id, body);
  }

  /** Adds a corrective measure to a late activity (ministry of the country or the Commission); 422 while it is not overdue. */
  @Post('activities/:id/corrective-measures')
  addMeasure(@Param('id', uuid) id: string, @Body() body: CorrectiveMeasureRequest, @Actor() actor: Actor): Promise<CorrectiveMeasureDto> {
    return this.measures.addMeasure(actor, id, body);
  }

  /** Turns a peer-review recommendation into a corrective measure of the Action Plan (the Commission). */
  @Post('recommendations/:id/corrective-measure')
  measureFromRecommendation(@Param('id', uuid) id: string, @Actor() actor: Actor): Promise<RecommendationDto> {
    return this.measures.measureFromRecommendation(actor, id);
  }

  /** Changes a corrective measure, e.g. marks it done. */
  @Patch('corrective-measures/:id')
  @HttpCode(200)
  updateMeasure(@Param('id', uuid) id: string, @Body() body: UpdateCorrectiveMeasureRequest, @Actor() actor: Actor): Promise<CorrectiveMeasureDto> {
    return this.measures.updateMeasure(actor, id, body);
  }
}
