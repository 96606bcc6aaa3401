import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Req, type StreamableFile } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  CreateMissionRequest,
  type ExpertDto,
  type MissionDetailDto,
  type MissionDto,
  MissionFindingRequest,
  type MissionListItemDto,
  MissionMeetingRequest,
  MissionRecommendationRequest,
  type RecommendationDto,
  RecommendationFollowUpRequest,
  UpdateMissionRequest,
} from '@bt/contracts';
import { AttachmentHeaders, uploadedFile } from '@bt/api/files';
import { Actor, CurrentViewer, Roles, type Viewer } from '@bt/api/identity';
import { MissionAgendaService } from './mission-agenda.service';
import { MissionDocumentsService } from './mission-documents.service';
import { MissionPlanningService } from './mission-planning.service';
import { MissionRecommendationsService } from './mission-recommendations.service';
import { MissionsService } from './missions.service';
import { ApiUploadRefusals, CostlyRequest, uuidParam } from '@bt/api/core';

const uuid = uuidParam();

@ApiTags('missions')
@Controller()
export class MissionsController {
  constructor(
    private readonly missions: MissionsService,
    private readonly planning: MissionPlanningService,
    private readonly documents: MissionDocumentsService,
    private readonly agenda: MissionAgendaService,
    private readonly recommendations: MissionRecommendationsService,
  ) {}

  /** The peer-review missions this caller may see: the Commission all, experts theirs, a ministry its country's. */
  @Get('missions')
  list(@CurrentViewer() viewer: Viewer): Promise<MissionListItemDto[]> {
    return this.missions.list(viewer);
  }

  /** Plans a mission on one or more benchmarks of one country, with its experts (the Commission). */
  @Roles('commission')
  @Post('missions')
  create(@Body() body: CreateMissionRequest, @Actor() actor: Actor): Promise<MissionDetailDto> {
    return this.planning.create(actor, body);
  }

  /** The mission page: scope, experts, terms of reference, agenda, findings, report and recommendations as this caller may see them. */
  @Get('missions/:id')
  detail(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer): Promise<MissionDetailDto> {
    return this.missions.detail(viewer, id);
  }

  /**
   * Corrects a planned mission: title, dates, experts, scope — each optional; lists are the whole new list (the Commission).
   * 422 when the end comes before the start, a meeting of the agenda would fall outside the dates, a benchmark is of another
   * country, or the scope would drop the benchmark whose workflow planned the mission or one with findings or recommendations.
   */
  @Roles('commission')
  @Patch('missions/:id')
  update(@Param('id', uuid) id: string, @Body() body: UpdateMissionRequest, @Actor() actor: Actor): Promise<MissionDetailDto> {
    return this.planning.update(actor, id, body);
  }

  /** Uploads the terms of reference (multipart field `file`: PDF, DOCX or ODT; the Commission). */
  @CostlyRequest('upload')
  @Post('missions/:id/terms-of-reference')
  @ApiConsumes('multipart/form-data')
  @ApiUploadRefusals()
  async uploadTermsOfReference(@Param('id', uuid) id: string, @Actor() actor: Actor, @Req() request: FastifyRequest): Promise<MissionDetailDto> {
    return this.documents.uploadTermsOfReference(actor, id, await uploadedFile(request));
  }

  /** Downloads the terms of reference (whoever sees the mission). */
  @Get('missions/:id/terms-of-reference')
  @AttachmentHeaders()
  downloadTermsOfReference(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer): Promise<StreamableFile> {
    return this.documents.termsOfReference(viewer, id);
  }

  /** Uploads the mission report document (multipart field `file`: PDF, DOCX or ODT; an expert of the mission or the Commission). */
  @CostlyRequest('upload')
  @Post('missions/:id/report')
  @ApiConsumes('multipart/form-data')
  @ApiUploadRefusals()
  async uploadReport(@Param('id', uuid) id: string, @Actor() actor: Actor, @Req() request: FastifyRequest): Promise<MissionDto> {
    return this.documents.uploadReport(actor, id, await uploadedFile(request));
  }

  /** Downloads the mission report (the Commission and the mission's experts; the country's ministry once shared). */
  @Get('missions/:id/report')
  @AttachmentHeaders()
  downloadReport(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer): Promise<StreamableFile> {
    return this.documents.report(viewer, id);
  }

  /** Shares the report (and with it findings and recommendations) with the ministry of the mission's country (the Commission). */
  @Post('missions/:id/report/share')
  @HttpCode(200)
  share(@Param('id', uuid) id: string, @Actor() actor: Actor): Promise<MissionDetailDto> {
    return this.documents.shareReport(actor, id);
  }

  /** Adds a meeting to the mission's agenda: `{meetsOn, institution, participants}`, within the mission's dates (the Commission or an expert of the mission). */
  @Post('missions/:id/meetings')
  addMeeting(@Param('id', uuid) id: string, @Body() body: MissionMeetingRequest, @Actor() actor: Actor): Promise<MissionDetailDto> {
    return this.agenda.addMeeting(actor, id, body);
  }

  /** Corrects a meeting of the agenda: `{meetsOn, institution, participants}`, within the mission's dates (the Commission). */
  @Roles('commission')
  @Put('missions/:id/meetings/:meetingId')
  correctMeeting(
    @Param('id', uuid) id: string,
    @Param('meetingId', uuid) meetingId: string,
    @Body() body: MissionMeetingRequest,
    @Actor() actor: Actor,
  ): Promise<MissionDetailDto> {
    return this.agenda.correctMeeting(actor, id, meetingId, body);
  }

  /** Removes a meeting from the agenda (the Commission); 404 for a meeting of another mission. */
  @Roles('commission')
  @Delete('missions/:id/meetings/:meetingId')
  @HttpCode(204)
  removeMeeting(@Param('id', uuid) id: string, @Param('meetingId', uuid) meetingId: string, @Actor() actor: Actor): Promise<void> {
    return this.agenda.removeMeeting(actor, id, meetingId);
  }

  /** The mission's finding on one benchmark of its scope (code or id; the Commission or an expert of the mission). */
  @Put('missions/:id/findings/:benchmark')
  saveFinding(
    @Param('id', uuid) id: string,
    @Param('benchmark') benchmark: string,
    @Body() body: MissionFindingRequest,
    @Actor() actor: Actor,
  ): Promise<MissionDetailDto> {
    return this.agenda.saveFinding(actor, id, benchmark, body);
  }

  /** Adds a recommendation with its owner and due date (the Commission or an expert of the mission). */
  @Post('missions/:id/recommendations')
  addRecommendation(@Param('id', uuid) id: string, @Body() body: MissionRecommendationRequest, @Actor() actor: Actor): Promise<RecommendationDto> {
    return this.recommendations.addRecommendation(actor, id, body);
  }

  /** Records the follow-up of a recommendation: status, note, the evidence that answers it (the Commission; the ministry once the report is shared). */
  @Patch('recommendations/:id')
  followUp(@Param('id', uuid) id: string, @Body() body: RecommendationFollowUpRequest, @Actor() actor: Actor): Promise<RecommendationDto> {
    return this.recommendations.followUp(actor, id, body);
  }

  /** The experts the Commission can assign to a peer-review mission. */
  @Roles('commission')
  @Get('experts')
  experts(): Promise<ExpertDto[]> {
    return this.planning.experts();
  }
}
