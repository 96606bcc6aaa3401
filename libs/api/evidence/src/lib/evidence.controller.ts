import { Body, Controller, Delete, Get, Param, Patch, Post, Req, type StreamableFile } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiUploadRefusals, CostlyRequest, Public, uuidParam } from '@bt/api/core';
import { AttachmentHeaders, uploadedFile } from '@bt/api/files';
import { CreateEvidenceRequest, type EvidenceDto, type EvidenceVersionDto, UpdateEvidenceRequest } from '@bt/contracts';
import { Actor, CurrentViewer, type Viewer } from '@bt/api/identity';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import { EvidenceDraftingService } from './evidence-drafting.service';
import { EvidenceFilesService } from './evidence-files.service';
import { EvidenceService } from './evidence.service';

const uuid = uuidParam();

@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly drafting: EvidenceDraftingService,
    private readonly files: EvidenceFilesService,
  ) {}

  /** The evidence of a benchmark this caller may see (anonymous: the public items), each at its current version with its files. */
  @Public()
  @Get('benchmarks/:id/evidence')
  list(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer | null): Promise<EvidenceDto[]> {
    return this.evidence.list(viewer, id);
  }

  /** Adds an evidence item, version 1 (ministry of the benchmark's country, while the benchmark is a draft). */
  @Post('benchmarks/:id/evidence')
  create(@Param('id', BenchmarkRefPipe) id: string, @Body() body: CreateEvidenceRequest, @Actor() actor: Actor): Promise<EvidenceDto> {
    return this.drafting.create(actor, id, body);
  }

  /** Changes an item: a new version with the given fields; 409 when `version` is stale or the benchmark is not a draft. */
  @Patch('evidence/:id')
  update(@Param('id', uuid) id: string, @Body() body: UpdateEvidenceRequest, @Actor() actor: Actor): Promise<EvidenceDto> {
    return this.drafting.update(actor, id, body);
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
  async addFile(@Param('id', uuid) id: string, @Actor() actor: Actor, @Req() request: FastifyRequest): Promise<EvidenceDto> {
    // Who may write is decided before a byte is stored.
    await this.files.checkMayAddFile(actor, id);
    return this.files.addFile(actor, id, await uploadedFile(request));
  }

  /** Removes a file from the item: a new version without it (earlier versions keep it). */
  @Delete('evidence/:id/files/:fileId')
  removeFile(@Param('id', uuid) id: string, @Param('fileId', uuid) fileId: string, @Actor() actor: Actor): Promise<EvidenceDto> {
    return this.files.removeFile(actor, id, fileId);
  }

  /** Downloads a file of the item, as an attachment, for whoever may see a version with it. */
  @Public()
  @Get('evidence/:id/files/:fileId')
  @AttachmentHeaders()
  download(@Param('id', uuid) id: string, @Param('fileId', uuid) fileId: string, @CurrentViewer() viewer: Viewer | null): Promise<StreamableFile> {
    return this.files.download(viewer, id, fileId);
  }
}
