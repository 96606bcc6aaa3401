import { Controller, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import { CostlyRequest, Public, uuidParam } from '@bt/api/core';
import { attachment, AttachmentHeaders } from '@bt/api/files';
import { CurrentViewer, type Viewer } from '@bt/api/identity';
import { ChapterReportQuery, DocumentQuery } from '@bt/contracts';
import { MEDIA_TYPES } from './report-document';
import { ChapterReportService } from './chapter-report.service';
import { type RenderedReport, ReportsService } from './reports.service';

const uuid = uuidParam();

const DOCUMENT = {
  description: 'The document as a file to save (Content-Disposition: attachment with its file name).',
  schema: { type: 'string', format: 'binary' },
} as const;

/**
 * Generated documents, public like the pages they are made of: each shows what the caller may see
 * there (the public the public version). Costly: limited per caller like the other generated files.
 */
@ApiTags('reports')
@Public()
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly chapters: ChapterReportService,
  ) {}

  /** The benchmark dossier in Word or PDF: text, state, assessments, evidence, track records, Action Plan, dialogue, missions, and its history in an annex. */
  @CostlyRequest('report')
  @Get('benchmarks/:id/report')
  @ApiParam({ name: 'id', description: 'uuid or code such as RS-24-MIG-02' })
  @ApiProduces(MEDIA_TYPES.docx, MEDIA_TYPES.pdf)
  @ApiOkResponse(DOCUMENT)
  @AttachmentHeaders()
  @ApiBadRequestResponse({ description: 'An unknown format (report.unknown-format), an unknown language, or a malformed benchmark reference.' })
  @ApiNotFoundResponse({ description: 'No such benchmark.' })
  async benchmark(@Param('id', BenchmarkRefPipe) id: string, @Query() query: DocumentQuery, @CurrentViewer() viewer: Viewer | null): Promise<StreamableFile> {
    const language = await this.reports.languageFor(viewer, query.lang);
    return file(await this.reports.benchmarkDossier(viewer, id, query.format, language));
  }

  /** The chapter progress report in Word or PDF: a cover, a one-page summary, then every benchmark of the chapter as its dossier has it (without the history). */
  @CostlyRequest('report')
  @Get('reports/chapter')
  @ApiProduces(MEDIA_TYPES.docx, MEDIA_TYPES.pdf)
  @ApiOkResponse(DOCUMENT)
  @AttachmentHeaders()
  @ApiBadRequestResponse({
    description: 'An unknown format (report.unknown-format); a missing or malformed country, chapter or period, or an unknown language.',
  })
  @ApiNotFoundResponse({ description: 'The country has no benchmarks in that chapter.' })
  async chapter(@Query() query: ChapterReportQuery, @CurrentViewer() viewer: Viewer | null): Promise<StreamableFile> {
    const language = await this.reports.languageFor(viewer, query.lang);
    return file(await this.chapters.chapterReport(viewer, query, language));
  }

  /** A written consultation as the Council note lays it out: topics, questions, the summary of the replies to each, and an annex with every partner's sent replies. */
  @CostlyRequest('report')
  @Get('consultations/:id/report')
  @ApiProduces(MEDIA_TYPES.docx, MEDIA_TYPES.pdf)
  @ApiOkResponse(DOCUMENT)
  @AttachmentHeaders()
  @ApiBadRequestResponse({ description: 'An unknown format (report.unknown-format), an unknown language, or an id that is not a uuid.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or not one the caller may see (the public: published ones).' })
  async consultation(@Param('id', uuid) id: string, @Query() query: DocumentQuery, @CurrentViewer() viewer: Viewer | null): Promise<StreamableFile> {
    const language = await this.reports.languageFor(viewer, query.lang);
    return file(await this.reports.consultationReport(viewer, id, query.format, language));
  }
}

/** The document as a file to save; a PDF streamed as PDFKit writes it. */
function file(report: RenderedReport): StreamableFile {
  return attachment(report.body, report.fileName, report.mediaType);
}
