import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SEARCH_KINDS, type SearchKind } from './search.values';

/** Query of `GET /api/search`. */
export class SearchQuery {
  /** Words to find; diacritics optional (`pravosudje` finds `pravosuđe`). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q!: string;

  /** Only this candidate country, e.g. `RS`. */
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country?: string;

  /** Only this kind of result (and then `page` pages through it). */
  @IsOptional()
  @IsIn(SEARCH_KINDS, { message: `kind must be one of ${SEARCH_KINDS.join(', ')}` })
  kind?: SearchKind;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  page?: number;
}

/** A piece of a snippet: plain text, `match: true` where the query matched. Never HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHitDto {
  kind: SearchKind;
  id: string;
  benchmarkCode: string;
  title: string;
  snippet: SnippetPart[];
  /** The evidence item a file belongs to (kind `file`). */
  evidenceId?: string;
}

export interface SearchGroupDto {
  kind: SearchKind;
  /**
   * Matches the caller may see, counted up to 200 (`totalCapped`: more). Up to 200 the items are
   * the best by relevance; beyond, the newest (so many matches are not worth ranking).
   */
  total: number;
  totalCapped: boolean;
  items: SearchHitDto[];
}

export interface SearchResultDto {
  groups: SearchGroupDto[];
}
