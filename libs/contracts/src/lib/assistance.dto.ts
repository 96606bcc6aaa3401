import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';
import type { ReasonParams } from '@bt/workflow';
import { EachIsObject, HasAtMostDecimals, IsNotBlank } from './field-rules';
import type { RefusalCode } from './refusals';
import {
  ASSISTANCE_INSTRUMENTS,
  type AssistanceInstrument,
  ASSISTANCE_STATUSES,
  type AssistanceStatus,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  isPartialDate,
} from './assistance.values';

/*
 * Assistance projects: the help a country gets to meet its benchmarks (docs/assistance.md). The
 * model follows IATI 2.03 where IATI has a field, so the next slice's export and import map cleanly.
 */

/** A date as precise as its source: 2018, 2018-09 or 2018-09-14 (a day must be in the calendar). */
function IsPartialDate(field: string): PropertyDecorator {
  return ValidateBy({
    name: 'isPartialDate',
    validator: {
      validate: (value) => isPartialDate(value),
      defaultMessage: () => `${field} must be a year, a month or a day such as 2018, 2018-09 or 2018-09-14`,
    },
  });
}

/** Each text of a list says something. */
function EachNotBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'eachNotBlank',
    validator: {
      validate: (value) => Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim().length > 0),
      defaultMessage: (args) => `each item of ${args?.property} must be a text that is not blank`,
    },
  });
}

/** Texts listed in order (objectives, components, results): each one said, at most 100. */
function List(max = 4000): PropertyDecorator {
  return (target, key) => {
    IsArray()(target, key);
    ArrayMaxSize(100)(target, key);
    IsString({ each: true })(target, key);
    MaxLength(max, { each: true })(target, key);
    EachNotBlank()(target, key);
  };
}

export class ProjectParticipantInput {
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  name!: string;

  @IsIn(PARTICIPANT_ROLES, { message: `role must be one of ${PARTICIPANT_ROLES.join(', ')}` })
  role!: ParticipantRole;

  /** The organisation of this app it is, when it is one (a CSO writes the projects its organisation implements). */
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  /** IATI organisation identifier, e.g. XM-DAC-7 (the Netherlands MFA). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:/-]{1,99}$/, { message: 'ref must be an IATI organisation identifier such as XM-DAC-7' })
  ref?: string;

  /** IATI OrganisationType code, e.g. 10 (government), 22 (national NGO), 40 (multilateral). */
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(90)
  type?: number;
}

export class ProjectLinkInput {
  /** The benchmark supported, by code (RS-24-POL-09): of the project's country. */
  @Matches(/^[A-Z]{2}-\d{1,2}-[A-Z]{2,5}-\d{2}$/, { message: 'benchmark must be a benchmark code such as RS-24-POL-09' })
  benchmark!: string;

  /** One of its sub-requirements (RS-24-POL-03.1), when the project serves that one. */
  @IsOptional()
  @Matches(/^[A-Z]{2}-\d{1,2}-[A-Z]{2,5}-\d{2}\.\d{1,2}$/, { message: 'subRequirement must be a sub-requirement code such as RS-24-POL-03.1' })
  subRequirement?: string;

  /** One of its Action Plan activities, when the project serves that one. */
  @IsOptional()
  @IsUUID('all')
  activityId?: string;

  /** How the project supports it, in a sentence. */
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  how!: string;
}

export class ProjectWebLinkInput {
  @IsString()
  @Matches(/^https?:\/\/[^\s]{1,2000}$/, { message: 'url must be an http or https address' })
  url!: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;
}

/** `POST /api/projects`: a project of one country. Lists are whole; absent dates and budget are not stated. */
export class CreateProjectRequest {
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country!: string;

  @IsString()
  @IsNotBlank()
  @MaxLength(500)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string;

  @IsIn(ASSISTANCE_INSTRUMENTS, { message: `instrument must be one of ${ASSISTANCE_INSTRUMENTS.join(', ')}` })
  instrument!: AssistanceInstrument;

  /** IATI ActivityStatus 1–6; absent when not known. */
  @IsOptional()
  @IsIn(ASSISTANCE_STATUSES, { message: 'status must be an IATI activity status from 1 to 6' })
  status?: AssistanceStatus;

  /** The IATI activity identifier, when the project is published to IATI (unique). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:/-]{2,149}$/, { message: 'iatiIdentifier must be an IATI activity identifier such as XM-DAC-7-PPR-12345' })
  iatiIdentifier?: string;

  @IsOptional()
  @IsPartialDate('plannedStart')
  plannedStart?: string;

  @IsOptional()
  @IsPartialDate('plannedEnd')
  plannedEnd?: string;

  @IsOptional()
  @IsPartialDate('actualStart')
  actualStart?: string;

  @IsOptional()
  @IsPartialDate('actualEnd')
  actualEnd?: string;

  /** A budget is an amount and a currency together, or neither (many projects publish none). */
  @IsOptional()
  @Type(() => Number)
  @HasAtMostDecimals(2, 'budgetAmount must be a number with at most two decimals')
  @Min(0)
  @Max(1e15)
  budgetAmount?: number;

  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'budgetCurrency must be a three-letter currency code such as EUR' })
  budgetCurrency?: string;

  @List()
  objectives!: string[];

  @List()
  components!: string[];

  @List()
  expectedResults!: string[];

  @List()
  achievedResults!: string[];

  /** OECD DAC 5-digit purpose codes, e.g. 15130 (legal and judicial development). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^\d{5}$/, { each: true, message: 'each sector must be a 5-digit DAC purpose code such as 15130' })
  sectors?: string[];

  @IsArray()
  @ArrayMaxSize(50)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => ProjectParticipantInput)
  participants!: ProjectParticipantInput[];

  @IsArray()
  @ArrayMaxSize(100)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => ProjectLinkInput)
  supports!: ProjectLinkInput[];

  @IsArray()
  @ArrayMaxSize(20)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => ProjectWebLinkInput)
  links!: ProjectWebLinkInput[];
}

/** `PUT /api/projects/:id`: the whole project again, at the version the caller saw (409 when stale). The country stays. */
export class UpdateProjectRequest extends CreateProjectRequest {
  @IsInt()
  @Min(1)
  version!: number;
}

/** Query of `GET /api/projects`: every filter optional. */
export class ProjectListQuery {
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country?: string;

  @IsOptional()
  @Matches(/^[A-Z]{2,5}$/, { message: 'area must be an area code such as POL' })
  area?: string;

  @IsOptional()
  @Matches(/^[A-Z]{2}-\d{1,2}-[A-Z]{2,5}-\d{2}$/, { message: 'benchmark must be a benchmark code such as RS-24-POL-09' })
  benchmark?: string;

  /** Words of a funding organisation's name. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  funder?: string;

  /** Words of an implementing organisation's name. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  implementer?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^[1-6]$/.test(value) ? Number(value) : value))
  @IsIn(ASSISTANCE_STATUSES, { message: 'status must be an IATI activity status from 1 to 6' })
  status?: AssistanceStatus;

  /** The projects whose stated period (actual, else planned) touches a year or a span of years: `2024`, `2023-2025`. A start with no end runs on. */
  @IsOptional()
  @Matches(/^\d{4}(-\d{4})?$/, { message: 'period must be a year such as 2024, or years such as 2023-2025' })
  period?: string;
}

export interface ProjectParticipantDto {
  name: string;
  role: ParticipantRole;
  organisationId: string | null;
  ref: string | null;
  type: number | null;
}

export interface ProjectLinkDto {
  benchmark: { id: string; code: string; area: string };
  subRequirement: { code: string; text: string } | null;
  /** The Action Plan activity, for those who read the country's Action Plan; else null (the link itself stays). */
  activity: { id: string; code: string; title: string } | null;
  how: string;
}

/** One version of a project, as its history lists it: who changed which fields, when (the values stay in the audit trail). */
export interface ProjectVersionDto {
  version: number;
  at: string;
  by: string | null;
  change: 'created' | 'updated';
  /** How the change came: null through the form or the API, `iati-import` from a donor's file. */
  via: string | null;
  /** The fields the change set (ProjectDto's names); empty when created. */
  fields: string[];
}

export interface ProjectDto {
  id: string;
  country: string;
  title: string;
  description: string;
  instrument: AssistanceInstrument;
  status: AssistanceStatus | null;
  iatiIdentifier: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  budget: { amount: number; currency: string } | null;
  objectives: string[];
  components: string[];
  expectedResults: string[];
  achievedResults: string[];
  sectors: string[];
  participants: ProjectParticipantDto[];
  supports: ProjectLinkDto[];
  links: { url: string; title: string | null }[];
  version: number;
  updatedAt: string;
  /** The caller may change it (the API decides again on every change). */
  mayEdit: boolean;
}

/**
 * Query of the IATI 2.03 export (`GET /api/projects/iati`, `GET /api/projects/:id/iati`). The
 * reporting organisation of the file, when stated (`reportingOrg` with its `reportingOrgType`), is
 * every activity's `reporting-org` and the prefix of an identifier made for a project without one
 * (`{reportingOrg}-BT-{project id}`); unstated, a project's first funder with an IATI identifier and type reports it.
 */
export class IatiExportQuery {
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be a two-letter upper-case code such as RS' })
  country?: string;

  /** IATI organisation identifier of the reporting organisation, e.g. XM-DAC-7. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:/-]{1,99}$/, { message: 'reportingOrg must be an IATI organisation identifier such as XM-DAC-7' })
  reportingOrg?: string;

  /** Its IATI OrganisationType code (10 government … 90 other), required with reportingOrg. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(90)
  reportingOrgType?: number;

  /** Its name (else the identifier stands for it). */
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  reportingOrgName?: string;
}

/** One problem of an IATI file (import, 422) or of a project for IATI (export, 422): the activity, the element, a refusal code. */
export interface IatiProblemDto {
  /** The activity's iati-identifier (`#n`, its position, when it has none), or the project's id in an export. */
  activity: string;
  /** The IATI element the problem is in, e.g. `participating-org` or `activity-date`. */
  element: string;
  code: RefusalCode;
  params: ReasonParams;
  /** The problem in English. */
  message: string;
}

/** `POST /api/projects/iati`: what the import did, all of it in one transaction. */
export interface IatiImportResultDto {
  activities: number;
  created: number;
  updated: number;
  projects: { id: string; iatiIdentifier: string | null; title: string; created: boolean }[];
}
