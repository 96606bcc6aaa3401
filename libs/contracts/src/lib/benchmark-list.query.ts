import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BENCHMARK_STATES, type BenchmarkState } from '@bt/workflow';
import { MAX_PAGE } from './field-rules';

export const MAX_PAGE_SIZE = 200;

/** Query of `GET /api/benchmarks`: every filter optional, unknown parameters refused by the API. */
export class BenchmarkListQuery {
  /** ISO 3166 alpha-2 code of the candidate country, e.g. `RS`. */
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country?: string;

  /** Negotiating chapter number, e.g. 24. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'chapter must be a whole number such as 24' })
  @Min(1)
  @Max(35)
  chapter?: number;

  /** Area code within the chapter, e.g. `MIG`. */
  @IsOptional()
  @Matches(/^[A-Z]{2,5}$/, { message: 'area must be an area code such as MIG' })
  area?: string;

  @IsOptional()
  @IsIn(BENCHMARK_STATES, { message: `state must be one of ${BENCHMARK_STATES.join(', ')}` })
  state?: BenchmarkState;

  /** Words that must each begin a word of the code, the text or a sub-requirement (`migr`, `pravosudje`, `rs-24-mig`). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** The code of the last benchmark of the previous page (its answer's `next`): this page starts after it. */
  @IsOptional()
  @Matches(/^[A-Z]{2}-\d{1,2}-[A-Z]{2,5}-\d{2}$/, { message: 'after must be a benchmark code such as RS-24-MIG-02' })
  after?: string;

  /** Pages within the first LIST_COUNT_LIMIT matches (deeper: `after`). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

/** Query of `GET /api/areas`. */
export class AreaListQuery {
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(35)
  chapter?: number;
}
