import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CostlyRequest, Public, uuidParam } from '@bt/api/core';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import {
  ConsiderationQuery,
  type ConsiderationDto,
  CreateProposalRequest,
  HideProposalRequest,
  ProposalListQuery,
  type ProposalDto,
  ProposalResponseRequest,
} from '@bt/contracts';
import { Actor, CurrentViewer, Roles, type Viewer } from '@bt/api/identity';
import { ConsiderationService } from './consideration.service';
import { ProposalsService } from './proposals.service';

const uuid = uuidParam();

@ApiTags('dialogue')
@Controller()
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly consideration: ConsiderationService,
  ) {}

  /** The dialogue on a benchmark as threads, with the ministry's answers; `answered=true|false` filters the proposals (404 for whoever does not take part). */
  @Get('benchmarks/:id/proposals')
  list(@Param('id', BenchmarkRefPipe) id: string, @Query() query: ProposalListQuery, @CurrentViewer() viewer: Viewer): Promise<ProposalDto[]> {
    return this.proposals.list(viewer, id, query);
  }

  /** A civil-society proposal or comment on a benchmark, or a reply in a thread (`parentId`); optionally anchored on a sub-requirement or evidence item. */
  @Post('benchmarks/:id/proposals')
  create(@Param('id', BenchmarkRefPipe) id: string, @Body() body: CreateProposalRequest, @Actor() actor: Actor): Promise<ProposalDto> {
    return this.proposals.create(actor, id, body);
  }

  /** The ministry's reasoned answer; answering again adds a new version. */
  @Post('proposals/:id/response')
  @HttpCode(200)
  respond(@Param('id', uuid) id: string, @Body() body: ProposalResponseRequest, @Actor() actor: Actor): Promise<ProposalDto> {
    return this.proposals.respond(actor, id, body);
  }

  /** A moderator (admin) hides an abusive contribution; it shows as "hidden by a moderator", the audit trail keeps its text. */
  @Post('proposals/:id/hide')
  @Roles('admin')
  @HttpCode(200)
  hide(@Param('id', uuid) id: string, @Body() body: HideProposalRequest, @Actor() actor: Actor): Promise<ProposalDto> {
    return this.proposals.hide(actor, id, body);
  }

  /** "Adequate consideration" of civil-society proposals per benchmark, area and chapter (figures only, public). */
  @Public()
  @Get('consideration')
  figures(@Query() query: ConsiderationQuery): Promise<ConsiderationDto> {
    return this.consideration.figures(query);
  }

  /** The consideration figures as an Excel workbook. */
  @Public()
  @CostlyRequest('report')
  @Get('consideration.xlsx')
  async xlsx(@Query() query: ConsiderationQuery, @Res() reply: FastifyReply): Promise<void> {
    const buffer = await (await this.consideration.workbook(query)).xlsx.writeBuffer();
    await attachment(
      reply,
      `consideration-${query.country}${query.chapter ? `-${query.chapter}` : ''}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ).send(Buffer.from(buffer));
  }

  /** The consideration figures as CSV. */
  @Public()
  @CostlyRequest('report')
  @Get('consideration.csv')
  async csv(@Query() query: ConsiderationQuery, @Res() reply: FastifyReply): Promise<void> {
    const buffer = await (await this.consideration.workbook(query)).csv.writeBuffer();
    await attachment(reply, `consideration-${query.country}${query.chapter ? `-${query.chapter}` : ''}.csv`, 'text/csv; charset=utf-8').send(
      Buffer.from(buffer),
    );
  }
}

function attachment(reply: FastifyReply, fileName: string, mediaType: string): FastifyReply {
  return reply
    .header('Content-Type', mediaType)
    .header('Content-Disposition', `attachment; filename="${fileName}"`)
    .header('X-Content-Type-Options', 'nosniff');
}
