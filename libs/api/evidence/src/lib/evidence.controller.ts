import { Body, Controller, Delete, Get, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiUploadRefusals, CostlyRequest, Public, uuidParam } from '@bt/api/core';
import { CreateEvidenceRequest, type EvidenceDto, type EvidenceVersionDto, UpdateEvidenceRequest } from '@bt/contracts';
import { CurrentViewer, type IdentifiedRequest, type Viewer } from '@bt/api/identity';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import { EvidenceService } from './evidence.service';

const uuid = uuidParam();

@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /** The evidence of a benchmark this caller may see (anonymous: the public items), each at its current version with its files. */
  @Public()
  @Get('benchmarks/:id/evidence')
  list(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer | null): Promise<EvidenceDto[]> {
    return this.evidence.list(viewer, id);
  }

  /** Adds an evidence item, version 1 (ministry of the benchmark's country, while the benchmark is a draft). */
  @Post('benchmarks/:id/evidence')
  create(@Param('id', BenchmarkRefPipe) id: string, @Body() body: CreateEvidenceRequest, @CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest): Promise<EvidenceDto> {
    return this.evidence.create(viewer, id, body, request.ip);
  }

  /** Changes an item: a new version with the given fields; 409 when `version` is stale or the benchmark is not a draft. */
  @Patch('evidence/:id')
  update(@Param('id', uuid) id: string, @Body() body: UpdateEvidenceRequest, @CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest): Promise<EvidenceDto> {
    return this.evidence.update(viewer, id, body, request.ip);
  }

  /** Every version of an item the caller may see, oldest first: fields, files, author and what changed. */
  @Public()
  @Get('evidence/:id/versions')
  versions(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer | null): Promise<EvidenceVersionDto[]> {
    return this.evidence.versions(viewer, id);
  }

  /** Attaches a file (multipart field `file`: PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, CSV or TXT, by its bytes) as a new version. */
  @CostlyRequest('upload')
  @Post('evidence/:id/files')
  @ApiConsumes('multipart/form-data')
  @ApiUploadRefusals()
  async addFile(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest): Promise<EvidenceDto> {
    // Who may write is decided before a byte is stored.
    await this.evidence.checkMayAddFile(viewer, id);
    const file = request.isMultipart() ? await request.file() : undefined;
    return this.evidence.addFile(viewer, id, file, request.ip);
  }

  /** Removes a file from the item: a new version without it (earlier versions keep it). */
  @Delete('evidence/:id/files/:fileId')
  removeFile(@Param('id', uuid) id: string, @Param('fileId', uuid) fileId: string, @CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest): Promise<EvidenceDto> {
    return this.evidence.removeFile(viewer, id, fileId, request.ip);
  }

  /** Downloads a file of the item, as an attachment, for whoever may see a version with it. */
  @Public()
  @Get('evidence/:id/files/:fileId')
  download(@Param('id', uuid) id: string, @Param('fileId', uuid) fileId: string, @CurrentViewer() viewer: Viewer | null, @Res() reply: FastifyReply): Promise<void> {
    return this.evidence.download(viewer, id, fileId, reply);
  }
}
