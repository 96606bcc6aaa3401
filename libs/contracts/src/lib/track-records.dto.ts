import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { ReasonParams } from '@bt/workflow';
import { HasAtMostDecimals } from './field-rules';
import type { RefusalCode } from './refusals';
import { TRACK_RECORD_CATEGORIES, type TrackRecordCategory, type TrackRecordColumn } from './track-records.values';

export interface TrackRecordValueDto {
  period: string;
  value: number;
  source: string;
  note: string;
}

export interface TrackRecordSeriesDto {
  id: string;
  benchmarkId: string;
  name: string;
  unit: string;
  category: TrackRecordCategory;
  countingRule: string;
  /** Oldest period first. */
  values: TrackRecordValueDto[];
}

/** One problem of an import sheet: the sheet's own row number (the header is row 1) and column. */
export interface TrackRecordImportErrorDto {
  row: number;
  column: TrackRecordColumn | null;
  /** The problem as a refusal code with its parameters, worded by the web app. */
  code: RefusalCode;
  params: ReasonParams;
  /** The problem in English. */
  message: string;
}

/** 422 answer of an import: nothing was written. */
export interface TrackRecordImportRefusalDto {
  code: RefusalCode;
  params: ReasonParams;
  message: string;
  errors: TrackRecordImportErrorDto[];
}

export interface TrackRecordImportResultDto {
  rows: number;
  seriesCreated: number;
  seriesUpdated: number;
  valuesCreated: number;
  valuesUpdated: number;
  series: TrackRecordSeriesDto[];
}

/** `POST /api/benchmarks/:id/track-records`: a new series (its values come by import or one by one). */
export class CreateTrackRecordSeriesRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(50)
  unit!: string;

  @IsIn(TRACK_RECORD_CATEGORIES, { message: `category must be one of ${TRACK_RECORD_CATEGORIES.join(', ')}` })
  category!: TrackRecordCategory;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  countingRule?: string;
}

/** `PUT /api/track-records/:seriesId/values/:period`: the figure of one period, with its source. */
export class TrackRecordValueRequest {
  @Type(() => Number)
  @HasAtMostDecimals(2, 'value must be a number with at most two decimals')
  @Min(0)
  @Max(1e15) // far above any real figure, within numeric(18,2) and exact as a JS number
  value!: number;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  source!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
