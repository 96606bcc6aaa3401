import { createReadStream } from 'node:fs';
import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ExpertDto, MissionDto } from '@bt/contracts';
import { CurrentViewer, type IdentifiedRequest, Roles, type Viewer } from '@bt/api/identity';
import { MissionsService } from './missions.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: 400 });

@ApiTags('missions')
@Controller()
export class MissionsController {
  constructor(private readonly missions: MissionsService) {}

  /** Uploads the mission report document (multipart field `file`: PDF, DOCX or ODT). */
  @Post('missions/:id/report')
  @ApiConsumes('multipart/form-data')
  async uploadReport(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer, @Req() request: IdentifiedRequest): Promise<MissionDto> {
    const file = request.isMultipart() ? await request.file() : undefined;
    return this.missions.uploadReport(viewer, id, file, request.ip);
  }

  /** Downloads the mission report (the Commission and the mission's experts). */
  @Get('missions/:id/report')
  async downloadReport(@Param('id', uuid) id: string, @CurrentViewer() viewer: Viewer, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.missions.reportFile(viewer, id);
    await reply
      .header('Content-Type', file.mediaType)
      .header('Content-Disposition', `attachment; filename="${file.fileName.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .send(createReadStream(file.path));
  }

  /** The experts the Commission can assign to a peer-review mission. */
  @Roles('commission')
  @Get('experts')
  experts(): Promise<ExpertDto[]> {
    return this.missions.experts();
  }
}
