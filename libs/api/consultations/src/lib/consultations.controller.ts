import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, type StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiConsumes, ApiForbiddenResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  type ConsultationDto,
  type ConsultationOrganisationDto,
  type ConsultationReplyDto,
  ConsultationReplyRequest,
  type ConsultationSummaryItemDto,
  ConsultationSummaryRequest,
  ConsultationTransitionRequest,
  type ConsultationTransitionResultDto,
  CreateConsultationRequest,
  type StoredFileDto,
  UpdateConsultationRequest,
} from '@bt/contracts';
import { ApiUploadRefusals, CostlyRequest, Public, uuidParam } from '@bt/api/core';
import { AttachmentHeaders, uploadedFile } from '@bt/api/files';
import { Actor, CurrentViewer, Roles, type Viewer } from '@bt/api/identity';
import { ConsultationDraftingService } from './consultation-drafting.service';
import { ConsultationRepliesService } from './consultation-replies.service';
import { ConsultationSummariesService } from './consultation-summaries.service';
import { ConsultationsService } from './consultations.service';

const uuid = uuidParam();

@ApiTags('consultations')
@Controller()
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly drafting: ConsultationDraftingService,
    private readonly replies: ConsultationRepliesService,
    private readonly summaries: ConsultationSummariesService,
  ) {}

  /** The written consultations this caller may see (anonymous: the published ones). */
  @Public()
  @Get('consultations')
  list(@CurrentViewer() viewer: Viewer | null): Promise<ConsultationSummaryItemDto[]> {
    return this.consultations.list(viewer);
  }

  /** Starts a draft consultation (the Commission). */
  @Roles('commission')
  @Post('consultations')
  create(@Body() body: CreateConsultationRequest, @Actor() actor: Actor): Promise<ConsultationDto> {
    return this.drafting.create(actor, body);
  }

  /** The partners' organisations a consultation can be sent to (the Commission). */
  @Roles('commission')
  @Get('consultation-recipients')
  recipientOptions(): Promise<ConsultationOrganisationDto[]> {
    return this.consultations.recipientOptions();
  }

  /** One consultation as this caller may see it: topics, questions, visible replies and summaries, available events. */
  @Public()
  @Get('consultations/:id')
  get(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer | null): Promise<ConsultationDto> {
    return this.consultations.get(viewer, id);
  }

  /** Saves the whole draft: texts, deadline, topics with their questions in order, recipients (`version` required). */
  @Roles('commission')
  @Put('consultations/:id')
  @ApiConflictResponse({ description: 'Stale version, or the consultation is no longer a draft.' })
  update(@Param('id', uuid) id: string, @Body() body: UpdateConsultationRequest, @Actor() actor: Actor): Promise<ConsultationDto> {
    return this.drafting.update(actor, id, body);
  }

  /** Fires a consultation event: `{event, version, deadline?}` (OPEN, RETURN_TO_DRAFT, CLOSE, REOPEN, SUMMARISE, PUBLISH). */
  @Post('consultations/:id/transitions')
  @HttpCode(200)
  @ApiForbiddenResponse({ description: 'Not this caller’s event.' })
  @ApiConflictResponse({ description: 'Stale version, or the event is not possible in this state.' })
  @ApiUnprocessableEntityResponse({ description: 'A guard failed; the message names the unmet condition.' })
  transition(@Param('id', uuid) id: string, @Body() body: ConsultationTransitionRequest, @Actor() actor: Actor): Promise<ConsultationTransitionResultDto> {
    return this.drafting.transition(actor, id, body);
  }

  /** The consultation's audit events, oldest first (the Commission). */
  @Roles('commission')
  @Get('consultations/:id/history')
  history(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer) {
    return this.consultations.history(viewer, id);
  }

  /** The caller's organisation's reply to one question: `{text, send}` — a draft, or sent (final). 409 after the deadline. */
  @Put('consultations/:id/replies/:questionId')
  @ApiConflictResponse({ description: 'Not open, the deadline has passed, or the reply was already sent.' })
  saveReply(
    @Param('id', uuid) id: string,
    @Param('questionId', uuid) questionId: string,
    @Body() body: ConsultationReplyRequest,
    @Actor() actor: Actor,
  ): Promise<ConsultationReplyDto> {
    return this.replies.saveReply(actor, id, questionId, body);
  }

  /** Attaches a document (multipart field `file`) to the caller's organisation's unsent reply. */
  @CostlyRequest('upload')
  @Post('consultations/:id/replies/:questionId/files')
  @ApiConsumes('multipart/form-data')
  @ApiUploadRefusals()
  async attach(
    @Param('id', uuid) id: string,
    @Param('questionId', uuid) questionId: string,
    @Actor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<StoredFileDto> {
    return this.replies.attachFile(actor, id, questionId, await uploadedFile(request));
  }

  /** Downloads a reply's attachment (whoever may see that reply). */
  @Public()
  @Get('consultations/:id/files/:fileId')
  @AttachmentHeaders()
  download(@Param('id', uuid) id: string, @Param('fileId', uuid) fileId: string, @CurrentViewer() viewer: Viewer | null): Promise<StreamableFile> {
    return this.replies.file(viewer, id, fileId);
  }

  /** The Commission's summary of the replies to one question, with the recipients it cites (once closed). */
  @Roles('commission')
  @Put('consultations/:id/summaries/:questionId')
  saveSummary(
    @Param('id', uuid) id: string,
    @Param('questionId', uuid) questionId: string,
    @Body() body: ConsultationSummaryRequest,
    @Actor() actor: Actor,
  ): Promise<ConsultationDto> {
    return this.summaries.saveSummary(actor, id, questionId, body);
  }
}
