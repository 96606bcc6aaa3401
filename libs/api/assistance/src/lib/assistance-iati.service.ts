import { HttpStatus, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { Refusal, refuse } from '@bt/api/core';
import { type Actor, hasRole, type Viewer } from '@bt/api/identity';
import { type Upload, uploadedBytes } from '@bt/api/files';
import {
  CreateProjectRequest,
  type IatiExportQuery,
  type IatiImportResultDto,
  type ProjectDto,
  type ProjectParticipantInput,
  refusal,
  type RefusalCode,
  UpdateProjectRequest,
} from '@bt/contracts';
import { AssistanceEditingService } from './assistance-editing.service';
import { AssistanceService } from './assistance.service';
import {
  exportProblems,
  type IatiProblem,
  iatiActivitiesXml,
  type ImportedActivity,
  problem,
  readIatiActivities,
  type ReportingOrg,
  reportingOrgOf,
} from './iati';

/** The IATI element a refusal of the project rules is about (the import names it beside the activity). */
const ELEMENT_OF_REFUSAL: Partial<Record<RefusalCode, string>> = {
  'assistance.unknown-country': 'recipient-country',
  'assistance.country-fixed': 'recipient-country',
  'assistance.budget-partial': 'budget',
  'assistance.ends-before-start': 'activity-date',
  'assistance.iati-identifier-taken': 'iati-identifier',
};

/** The IATI element a field of a project request comes from. */
const ELEMENT_OF_FIELD: Record<string, string> = {
  iatiIdentifier: 'iati-identifier',
  title: 'title',
  description: 'description',
  objectives: 'description',
  components: 'description',
  participants: 'participating-org',
  status: 'activity-status',
  plannedStart: 'activity-date',
  plannedEnd: 'activity-date',
  actualStart: 'activity-date',
  actualEnd: 'activity-date',
  country: 'recipient-country',
  sectors: 'sector',
  budgetAmount: 'budget',
  budgetCurrency: 'budget',
  links: 'document-link',
};

/** An IATI file as the answer of a route: its name and its text. */
export interface IatiFile {
  fileName: string;
  xml: string;
  /** Projects of the country left out of the file (each named in a comment of the file). */
  omitted: number;
}

/**
 * IATI 2.03 activity files of assistance projects. The export is public like the projects; the
 * import writes through AssistanceEditingService's rules (the same rights, checks and audit events), all
 * activities of a file in one transaction: any problem in any activity and nothing is written.
 */
@Injectable()
export class AssistanceIatiService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assistance: AssistanceService,
    private readonly editing: AssistanceEditingService,
  ) {}

  /** The country's projects fit for IATI 2.03; the unfit ones are left out and named in the file (422 when none is fit). */
  async exportCountry(viewer: Viewer | null, country: string, query: IatiExportQuery, now = new Date()): Promise<IatiFile> {
    const stated = statedReportingOrg(query);
    const projects = await this.assistance.list(viewer, { country });
    if (!projects.length) throw refuse.notFound('iati.nothing-to-export', { country });
    const problems = projects.flatMap((p) => exportProblems(p, stated));
    let fit = projects.filter((p) => !problems.some((x) => x.activity === p.id));
    // A file has one reporting organisation: unstated, the first fit project's funder reports the file, and a project another funder reports is left out.
    const first = fit.length ? reportingOrgOf(fit[0], stated) : null;
    for (const project of fit) {
      const ref = reportingOrgOf(project, stated)?.ref ?? '';
      if (first && ref !== first.ref) problems.push(problem(project.id, 'reporting-org', 'iati.reporting-org-differs', { ref, first: first.ref }));
    }
    fit = fit.filter((p) => !problems.some((x) => x.activity === p.id));
    if (!fit.length) throw notExportable(problems);
    return {
      fileName: `iati-activities-${country}-${now.toISOString().slice(0, 10)}.xml`,
      xml: iatiActivitiesXml(fit, stated, now, problems),
      omitted: projects.length - fit.length,
    };
  }

  /** One project as an IATI 2.03 file; 422 with the problems when it lacks what 2.03 requires. */
  async exportOne(viewer: Viewer | null, id: string, query: IatiExportQuery, now = new Date()): Promise<IatiFile> {
    const stated = statedReportingOrg(query);
    const project = await this.assistance.get(viewer, id);
    const problems = exportProblems(project, stated);
    if (problems.length) throw notExportable(problems);
    const name = (project.iatiIdentifier ?? project.id).replace(/[^A-Za-z0-9._-]/g, '_');
    return { fileName: `iati-activity-${name}.xml`, xml: iatiActivitiesXml([project], stated, now), omitted: 0 };
  }

  /**
   * Imports an IATI activities file: a DOCTYPE or entity is refused before the file is parsed;
   * every activity is read and checked; then, in one transaction, each updates the project with
   * its iati-identifier (or the project its identifier was made for) or creates one. What IATI does
   * not carry — links to benchmarks, beneficiaries, results, the organisations of this app — is kept.
   */
  async import(actor: Actor, upload: Upload | undefined): Promise<IatiImportResultDto> {
    // Only those who write some project may send a file at all; the rest is decided per activity.
    if (!hasRole(actor, 'admin', 'commission', 'ministry', 'civil_society')) throw refuse.forbidden('assistance.not-yours-to-write');
    const bytes = await uploadedBytes(upload);
    const read = readIatiActivities(bytes);
    if ('refused' in read) {
      const reason = refusal(read.refused.code as 'iati.not-well-formed', read.refused.params as { line: number; details: string });
      throw new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, reason, []);
    }
    if (read.problems.length) throw fileRefused(read.problems);
    return this.dataSource.transaction(async (em) => {
      const problems: IatiProblem[] = [];
      const result: IatiImportResultDto = { activities: read.activities.length, created: 0, updated: 0, projects: [] };
      for (const activity of read.activities) {
        const written = await this.write(em, actor, activity, problems);
        if (!written) continue;
        result[written.created ? 'created' : 'updated']++;
        result.projects.push({
          id: written.project.id,
          iatiIdentifier: written.project.iatiIdentifier,
          title: written.project.title,
          created: written.created,
        });
      }
      // Any problem and the transaction rolls back: nothing of the file is written.
      if (problems.length) throw fileRefused(problems);
      return result;
    });
  }

  /** One activity: an update of its project or a new one; a refusal of the project rules becomes a problem of the activity (403 stays 403). */
  private async write(
    em: EntityManager,
    actor: Actor,
    activity: ImportedActivity,
    problems: IatiProblem[],
  ): Promise<{ project: ProjectDto; created: boolean } | null> {
    const existing = await this.match(em, actor, activity);
    const plain = existing ? mergedRequest(activity, existing) : newRequest(activity);
    const request = existing ? plainToInstance(UpdateProjectRequest, plain) : plainToInstance(CreateProjectRequest, plain);
    const invalid = validateSync(request, { whitelist: true, forbidNonWhitelisted: true });
    if (invalid.length) {
      for (const error of invalid)
        problems.push(
          problem(activity.identifier, ELEMENT_OF_FIELD[error.property] ?? error.property, 'iati.value-not-accepted', {
            element: ELEMENT_OF_FIELD[error.property] ?? error.property,
            details: details(error),
          }),
        );
      return null;
    }
    try {
      const project = existing
        ? await this.editing.updateIn(em, actor, existing.id, request as UpdateProjectRequest, 'iati-import')
        : await this.editing.createIn(em, actor, request, 'iati-import');
      return { project, created: !existing };
    } catch (error) {
      if (!(error instanceof Refusal) || error.getStatus() === HttpStatus.FORBIDDEN || error.getStatus() === HttpStatus.UNAUTHORIZED) throw error;
      const code = error.reason.code as RefusalCode;
      problems.push({
        activity: activity.identifier,
        element: ELEMENT_OF_REFUSAL[code] ?? 'iati-activity',
        code,
        params: error.reason.params as Record<string, string | number>,
        message: error.reason.message,
      });
      return null;
    }
  }

  /** The project an activity is: the one with its identifier, else the one an identifier made by our export names (`…-BT-{id}`) while it has none. */
  private async match(em: EntityManager, viewer: Viewer, activity: ImportedActivity): Promise<ProjectDto | null> {
    const [byIdentifier] = await em.query<{ id: string }[]>(`SELECT id FROM assistance_project WHERE iati_identifier = $1 FOR UPDATE`, [activity.identifier]);
    const id =
      byIdentifier?.id ??
      (activity.derivedFromProject
        ? (
            await em.query<{ id: string }[]>(`SELECT id FROM assistance_project WHERE id = $1 AND iati_identifier IS NULL FOR UPDATE`, [
              activity.derivedFromProject,
            ])
          )[0]?.id
        : undefined);
    return id ? this.assistance.whole(em, viewer, id) : null;
  }
}

function statedReportingOrg(query: IatiExportQuery): ReportingOrg | null {
  if (!query.reportingOrg && query.reportingOrgType === undefined) return null;
  if (!query.reportingOrg || query.reportingOrgType === undefined) throw refuse.badRequest('iati.reporting-org-half');
  return { ref: query.reportingOrg, type: query.reportingOrgType, name: query.reportingOrgName?.trim() || query.reportingOrg };
}

function notExportable(problems: IatiProblem[]): Refusal {
  return new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, refusal('iati.not-exportable', { count: problems.length }), problems);
}

/** 422 for a file with problems, nothing imported: each problem with its activity, element and code (like a track-record sheet's rows). */
function fileRefused(problems: IatiProblem[]): Refusal {
  const reason = problems.length === 1 ? refusal('iati.file-has-a-problem') : refusal('iati.file-has-problems', { count: problems.length });
  return new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, reason, problems);
}

function details(error: ValidationError): string {
  const own = Object.values(error.constraints ?? {});
  return [...own, ...(error.children ?? []).map(details)].filter(Boolean).join('; ');
}

/** A new project from an activity: what IATI does not carry starts empty. */
function newRequest(a: ImportedActivity): Record<string, unknown> {
  return {
    ...iatiFields(a),
    iatiIdentifier: a.identifier,
    instrument: a.instrument ?? 'other',
    components: a.components ?? [],
    expectedResults: [],
    achievedResults: [],
    participants: a.participants.map(participantInput),
    supports: [],
  };
}

/** The project changed by an activity: IATI's fields from the file, the rest as it is (links to benchmarks above all). */
function mergedRequest(a: ImportedActivity, project: ProjectDto): Record<string, unknown> {
  const kept = [...project.participants];
  const participants = a.participants.map((p) => {
    // The organisation of this app a participant is, kept when the file names the same one in the same role.
    const same = kept.findIndex((k) => k.role === p.role && ((p.ref && k.ref === p.ref) || k.name === p.name));
    const organisationId = same >= 0 ? kept.splice(same, 1)[0].organisationId : null;
    return participantInput({ ...p, organisationId });
  });
  const beneficiaries = project.participants.filter((p) => p.role === 'beneficiary').map((p) => participantInput(p));
  return {
    ...iatiFields(a),
    // An identifier our export made stays made (the project keeps having none of its own).
    iatiIdentifier: project.iatiIdentifier ?? (a.derivedFromProject === project.id ? undefined : a.identifier),
    instrument: a.instrument ?? project.instrument,
    components: a.components ?? project.components,
    expectedResults: project.expectedResults,
    achievedResults: project.achievedResults,
    participants: [...participants, ...beneficiaries],
    supports: project.supports.map((s) => ({
      benchmark: s.benchmark.code,
      ...(s.subRequirement ? { subRequirement: s.subRequirement.code } : {}),
      ...(s.activity ? { activityId: s.activity.id } : {}),
      how: s.how,
    })),
    version: project.version,
  };
}

function iatiFields(a: ImportedActivity): Record<string, unknown> {
  const optional = (value: unknown) => (value === null ? undefined : value);
  return {
    country: a.country,
    title: a.title,
    description: a.description,
    status: optional(a.status),
    plannedStart: optional(a.plannedStart),
    plannedEnd: optional(a.plannedEnd),
    actualStart: optional(a.actualStart),
    actualEnd: optional(a.actualEnd),
    budgetAmount: a.budget?.amount,
    budgetCurrency: a.budget?.currency,
    objectives: a.objectives,
    sectors: a.sectors,
    links: a.links.map((l) => (l.title ? { url: l.url, title: l.title } : { url: l.url })),
  };
}

function participantInput(p: {
  name: string;
  role: ProjectParticipantInput['role'];
  ref?: string | null;
  type?: number | null;
  organisationId?: string | null;
}): Record<string, unknown> {
  return {
    name: p.name,
    role: p.role,
    ...(p.organisationId ? { organisationId: p.organisationId } : {}),
    ...(p.ref ? { ref: p.ref } : {}),
    ...(p.type ? { type: p.type } : {}),
  };
}
