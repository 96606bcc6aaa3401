import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { ReasonParams } from '@bt/workflow';
import { HasAtMostDecimals } from './field-rules';
import type { RefusalCode } from './refusals';

/** The kinds of crime and migration a track record counts (the chapter's areas in the Commission's words). */
export const TRACK_RECORD_CATEGORIES = [
  'migrant_smuggling',
  'irregular_migration',
  'asylum',
  'organised_crime',
  'money_laundering',
  'asset_recovery',
  'trafficking_in_human_beings',
  'drugs',
  'firearms',
  'cybercrime',
  'terrorism',
  'corruption',
  'judicial_cooperation',
  'police_cooperation',
  'other',
] as const;
export type TrackRecordCategory = (typeof TRACK_RECORD_CATEGORIES)[number];

/** A period of a track record: a year (`2019`) or a quarter (`2020-Q1`). */
export const TRACK_RECORD_PERIOD = /^\d{4}(-Q[1-4])?$/;

/** The columns of an import sheet, in the template's order (headers are matched case-insensitively). */
export const TRACK_RECORD_COLUMNS = ['series name', 'unit', 'category', 'counting rule', 'period', 'value', 'source', 'note'] as const;
export type TrackRecordColumn = (typeof TRACK_RECORD_COLUMNS)[number];

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

export const TRACK_RECORD_PERIOD_MESSAGE = 'period must be a year such as 2019 or a quarter such as 2020-Q1';
export const isTrackRecordPeriod = (period: string) => TRACK_RECORD_PERIOD.test(period);
