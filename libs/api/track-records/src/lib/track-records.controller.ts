import { Body, Controller, Get, Param, Post, Put, Req, type StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import { attachment, AttachmentHeaders, uploadedFile } from '@bt/api/files';
import { Actor, CurrentViewer, type Viewer } from '@bt/api/identity';
import { CreateTrackRecordSeriesRequest, type TrackRecordImportResultDto, type TrackRecordSeriesDto, TrackRecordValueRequest } from '@bt/contracts';
import { trackRecordWorkbook } from './track-record-sheet';
import { TrackRecordsService } from './track-records.service';
import { ApiUploadRefusals, CostlyRequest, uuidParam } from '@bt/api/core';

const uuid = uuidParam();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbookFile(fileName: string, workbook: ReturnType<typeof trackRecordWorkbook>): Promise<StreamableFile> {
  return attachment(Buffer.from(await workbook.xlsx.writeBuffer()), fileName, XLSX);
}

@ApiTags('track-records')
@Controller()
export class TrackRecordsController {
  constructor(private readonly trackRecords: TrackRecordsService) {}

  /** The benchmark's track-record series with their figures (the country's ministry and CSOs, the Commission, the mission's experts). */
  @Get('benchmarks/:id/track-records')
  list(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<TrackRecordSeriesDto[]> {
    return this.trackRecords.list(viewer, id);
  }

  /** Adds a series (ministry of the benchmark's country); 409 when one of that name exists. */
  @Post('benchmarks/:id/track-records')
  create(@Param('id', BenchmarkRefPipe) id: string, @Body() body: CreateTrackRecordSeriesRequest, @Actor() actor: Actor): Promise<TrackRecordSeriesDto> {
    return this.trackRecords.create(actor, id, body);
  }

  /** Sets the figure of one period (`2019` or `2020-Q1`) of a series, with its source; answers the series. */
  @Put('track-records/:seriesId/values/:period')
  putValue(
    @Param('seriesId', uuid) seriesId: string,
    @Param('period') period: string,
    @Body() body: TrackRecordValueRequest,
    @Actor() actor: Actor,
  ): Promise<TrackRecordSeriesDto> {
    return this.trackRecords.putValue(actor, seriesId, period, body);
  }

  /**
   * Imports a track-record sheet (multipart field `file`, XLSX or CSV; columns as in the template:
   * series name, unit, category, counting rule, period, value, source, note). All or nothing: any
   * bad row → 422 `{ message, errors: [{ row, column, message }] }` and nothing is written. A sheet
   * of more than 5000 figures is refused at the first row past them (422, the rest is not read);
   * an XLSX that unpacks to more than 50 MB is refused (422) without being unpacked further.
   */
  @CostlyRequest('import')
  @Post('benchmarks/:id/track-records/import')
  @ApiConsumes('multipart/form-data')
  @ApiUploadRefusals()
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  async import(@Param('id', BenchmarkRefPipe) id: string, @Actor() actor: Actor, @Req() request: FastifyRequest): Promise<TrackRecordImportResultDto> {
    return this.trackRecords.import(actor, id, await uploadedFile(request));
  }

  /** The empty import sheet with its header row and the list of categories. */
  @CostlyRequest('report')
  @Get('benchmarks/:id/track-records/template.xlsx')
  @ApiProduces(XLSX)
  @AttachmentHeaders()
  async template(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<StreamableFile> {
    const { code } = await this.trackRecords.forExport(viewer, id);
    return workbookFile(`${code}-track-records-template.xlsx`, trackRecordWorkbook([]));
  }

  /** The benchmark's series as an XLSX sheet in the import layout (so it can be edited and imported again). */
  @CostlyRequest('report')
  @Get('benchmarks/:id/track-records.xlsx')
  @ApiProduces(XLSX)
  @AttachmentHeaders()
  async export(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<StreamableFile> {
    const { code, series } = await this.trackRecords.forExport(viewer, id);
    return workbookFile(`${code}-track-records.xlsx`, trackRecordWorkbook(series));
  }
}
