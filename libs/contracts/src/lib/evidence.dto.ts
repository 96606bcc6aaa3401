import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { EachIsObject } from './field-rules';
import type { StoredFileDto } from './files.dto';
import { EVIDENCE_VISIBILITIES, type EvidenceVisibility } from './workflow.values';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A web link cited as evidence; the API accepts http and https addresses only (422 otherwise). */
export class EvidenceLink {
  @IsString()
  @MaxLength(2000)
  url!: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  label?: string;
}

/** The fields of an evidence item a ministry writes; all of them are versioned. */
class EvidenceFields {
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  narrative?: string;

  /** The first day of the period the evidence documents (not the upload date). */
  @IsOptional()
  @Matches(DATE, { message: 'periodStart must be a date such as 2026-01-01' })
  periodStart?: string | null;

  /** The last day of that period, on or after `periodStart`. */
  @IsOptional()
  @Matches(DATE, { message: 'periodEnd must be a date such as 2026-06-30' })
  periodEnd?: string | null;

  /** Sub-requirements of the same benchmark this item documents. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  subRequirementIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => EvidenceLink)
  links?: EvidenceLink[];
}

/** `POST /api/benchmarks/:id/evidence`. */
export class CreateEvidenceRequest extends EvidenceFields {
  @IsString()
  @MaxLength(300)
  title!: string;

  @IsIn(EVIDENCE_VISIBILITIES, { message: `visibility must be one of ${EVIDENCE_VISIBILITIES.join(', ')}` })
  visibility!: EvidenceVisibility;
}

/** `PATCH /api/evidence/:id`: the version the editor saw (409 when it is no longer the current one) and what changes. */
export class UpdateEvidenceRequest extends EvidenceFields {
  @IsInt()
  @Min(1)
  version!: number;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;

  @IsOptional()
  @IsIn(EVIDENCE_VISIBILITIES, { message: `visibility must be one of ${EVIDENCE_VISIBILITIES.join(', ')}` })
  visibility?: EvidenceVisibility;
}

export interface EvidenceLinkDto {
  url: string;
  label: string;
}

/** An evidence item as it stands now (its current version). */
export interface EvidenceDto {
  id: string;
  benchmarkId: string;
  version: number;
  title: string;
  /** Markdown; the web app renders it sanitised. */
  narrative: string;
  visibility: EvidenceVisibility;
  periodStart: string | null;
  periodEnd: string | null;
  subRequirementIds: string[];
  links: EvidenceLinkDto[];
  files: StoredFileDto[];
  /** Who created the item, and when. */
  author: string;
  createdAt: string;
  /** Who made the current version, and when. */
  updatedBy: string;
  updatedAt: string;
}

/** What a version changed compared with the one before it. */
export type EvidenceChange = 'created' | 'title' | 'narrative' | 'visibility' | 'period' | 'subRequirements' | 'links' | 'filesAdded' | 'filesRemoved';

/** One version of an evidence item: its fields and files then, who made it and what changed. */
export interface EvidenceVersionDto
  extends Pick<EvidenceDto, 'version' | 'title' | 'narrative' | 'visibility' | 'periodStart' | 'periodEnd' | 'subRequirementIds' | 'links' | 'files'> {
  /** Who made this version, and when. */
  author: string;
  createdAt: string;
  changes: EvidenceChange[];
}
