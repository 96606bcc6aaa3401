import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@bt/api/core';
import { CreateEvidenceRequest, type EvidenceDto } from '@bt/contracts';
import { CurrentViewer, type IdentifiedRequest, type Viewer } from '@bt/api/identity';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@Controller('benchmarks/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /** The evidence of a benchmark this caller may see (anonymous: the public items). */
  @Public()
  @Get()
  list(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer | null): Promise<EvidenceDto[]> {
    return this.evidence.list(viewer, id);
  }

  /** Adds an evidence item (ministry of the benchmark's country, while the benchmark is a draft). */
  @Post()
  create(@Param('id', BenchmarkRefPipe) id: string, @Body() body: CreateEvidenceRequest, @CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest): Promise<EvidenceDto> {
    return this.evidence.create(viewer, id, body, request.ip);
  }
}
