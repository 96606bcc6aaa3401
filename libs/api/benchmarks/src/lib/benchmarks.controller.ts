import { Controller, Get, Param, Query } from '@nestjs/common';
import { Public } from '@bt/api/core';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { AreaListQuery, BenchmarkListQuery, type AreaDto, type BenchmarkDetailDto, type BenchmarkListItemDto, type Page } from '@bt/contracts';
import { BenchmarkRefPipe } from '@bt/api/catalogue';
import { CurrentViewer, type Viewer } from '@bt/api/identity';
import { BenchmarkWorkflowService } from './benchmark-workflow.service';
import { BenchmarksService } from './benchmarks.service';

// The catalogue and each benchmark's state are public information (docs/design.md, Visibility).
@ApiTags('benchmarks')
@Public()
@Controller()
export class BenchmarksController {
  constructor(
    private readonly benchmarks: BenchmarksService,
    private readonly workflow: BenchmarkWorkflowService,
  ) {}

  /** The interim benchmarks, filtered and paged, in catalogue order; each with an excerpt of its text (its own page has the whole). */
  @Get('benchmarks')
  @ApiOkResponse({
    description:
      '`{items, total, totalCapped, page, pageSize, next}`: `total` counts up to 200 matches; `next` is the `after` of the following page (null on the last).',
  })
  @ApiBadRequestResponse({ description: 'An unknown or malformed parameter, or a `page` past the first 200 matches (page on with `after`).' })
  list(@Query() query: BenchmarkListQuery): Promise<Page<BenchmarkListItemDto>> {
    return this.benchmarks.list(query);
  }

  /** One benchmark with its sub-requirements and, for the caller, `allowedEvents`; by id or by code (e.g. RS-24-MIG-02). */
  @Get('benchmarks/:id')
  @ApiParam({ name: 'id', description: 'uuid or code such as RS-24-MIG-02' })
  @ApiOkResponse({
    description:
      'The benchmark: `text` is the official English; `textSr` a Serbian text (Latin script) where the catalogue has one, else null — the same for each of `subRequirements`.',
  })
  @ApiBadRequestResponse({ description: 'Neither a uuid nor a benchmark code.' })
  @ApiNotFoundResponse({ description: 'No such benchmark.' })
  get(@Param('id', BenchmarkRefPipe) id: string, @CurrentViewer() viewer: Viewer | null): Promise<BenchmarkDetailDto> {
    return this.workflow.page(viewer, id);
  }

  /** The areas of a country's chapter, with how many benchmarks each has. */
  @Get('areas')
  areas(@Query() query: AreaListQuery): Promise<AreaDto[]> {
    return this.benchmarks.listAreas(query);
  }
}
