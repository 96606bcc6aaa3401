import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@bt/api/core';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import {
  type AssessmentDto,
  type BenchmarkAssessmentsDto,
  type ChapterFiguresDto,
  ChapterFiguresQuery,
  type ChapterOverviewDto,
  OverviewQuery,
  RecordAssessmentRequest,
} from '@bt/contracts';
import { Actor, CurrentViewer, type Viewer } from '@bt/api/identity';
import { AssessmentsService } from './assessments.service';
import { ChapterAssessmentsService } from './chapter-assessments.service';

@ApiTags('assessments')
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly chapters: ChapterAssessmentsService,
  ) {}

  /** The three voices on a benchmark per period, with their history, as far as the caller may see them (the public: published ones). */
  @Public()
  @Get('benchmarks/:id/assessments')
  list(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer | null): Promise<BenchmarkAssessmentsDto> {
    return this.assessments.ofBenchmark(viewer, id);
  }

  /** An assessment in the caller's voice: the Commission's, the ministry's self-assessment or the caller's CSO's shadow assessment. */
  @Post('benchmarks/:id/assessments')
  record(@Param('id', BenchmarkRefPipe) id: string, @Body() body: RecordAssessmentRequest, @Actor() actor: Actor): Promise<AssessmentDto> {
    return this.assessments.record(actor, id, body);
  }

  /**
   * A page of a chapter's benchmarks × the three current grades for a period (`?country=RS&chapter=24&period=2026`),
   * in catalogue order: `pageSize` (50) at a time, `next` being the `after` of the following page.
   */
  @Public()
  @Get('overview')
  overview(@Query() query: OverviewQuery, @CurrentViewer() viewer: Viewer | null): Promise<ChapterOverviewDto> {
    return this.chapters.overview(viewer, query);
  }

  /**
   * A chapter in figures (`?country=RS&chapter=24&period=2026`): its benchmarks per area and workflow
   * state, and per voice how many current assessments of the period give each grade, counting what
   * the caller may see. The home page charts them.
   */
  @Public()
  @Get('overview/figures')
  figures(@Query() query: ChapterFiguresQuery, @CurrentViewer() viewer: Viewer | null): Promise<ChapterFiguresDto> {
    return this.chapters.figures(viewer, query);
  }
}
