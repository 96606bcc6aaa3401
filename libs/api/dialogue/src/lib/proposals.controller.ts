import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import { CreateProposalRequest, type ProposalDto, ProposalResponseRequest } from '@bt/contracts';
import { CurrentViewer, type IdentifiedRequest, type Viewer } from '@bt/api/identity';
import { ProposalsService } from './proposals.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('dialogue')
@Controller()
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  /** The proposals on a benchmark with their answers (404 for whoever does not take part in its dialogue). */
  @Get('benchmarks/:id/proposals')
  list(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<ProposalDto[]> {
    return this.proposals.list(viewer, id);
  }

  /** A civil-society proposal on a benchmark. */
  @Post('benchmarks/:id/proposals')
  create(@Param('id', BenchmarkRefPipe) id: string, @Body() body: CreateProposalRequest, @CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest): Promise<ProposalDto> {
    return this.proposals.create(viewer, id, body, request.ip);
  }

  /** The ministry's reasoned answer; answering again adds a new version. */
  @Post('proposals/:id/response')
  @HttpCode(200)
  respond(@Param('id', uuid) id: string, @Body() body: ProposalResponseRequest, @CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest): Promise<ProposalDto> {
    return this.proposals.respond(viewer, id, body, request.ip);
  }
}
