import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CostlyRequest, Public } from '@bt/api/core';
import { SearchQuery, type SearchResultDto } from '@bt/contracts';
import { CurrentViewer, type Viewer } from '@bt/api/identity';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  /**
   * Full-text search across benchmarks, sub-requirements, evidence (narratives and file names) and
   * proposals, grouped by kind, with highlighted snippets; only what the caller may see
   * (anonymous: the catalogue and public evidence). Diacritics are optional: `pravosudje` finds `pravosuđe`.
   */
  @Public()
  @CostlyRequest('search')
  @Get()
  search(@Query() query: SearchQuery, @CurrentViewer() viewer: Viewer | null): Promise<SearchResultDto> {
    return this.searchService.search(viewer, query);
  }
}
