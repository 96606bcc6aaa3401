import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { actorOfViewer, hasRole, type Viewer } from '@bt/api/identity';
import { readsCountryRecords } from '@bt/api/track-records';
import {
  type AssistanceStatus,
  type CreateProjectRequest,
  endsBeforeStart,
  type ParticipantRole,
  type ProjectDto,
  type ProjectLinkDto,
  type ProjectListQuery,
  type ProjectParticipantDto,
  type ProjectVersionDto,
  type UpdateProjectRequest,
} from '@bt/contracts';
import { implementedBy, writesProject } from './project-access';
import { projectVersions } from './project-versions';

const PROJECT_COLUMNS = `p.id, p.country_code, p.iati_identifier, p.title, p.description, p.instrument, p.status, p.planned_start, p.planned_end,
  p.actual_start, p.actual_end, p.budget_amount, p.budget_currency, p.objectives, p.components, p.expected_results, p.achieved_results,
  p.sectors, p.links, p.version, p.updated_at`;

/** A request's fields, trimmed, its links resolved and checked. */
interface CheckedProject {
  iatiIdentifier: string | null;
  title: string;
  description: string;
  instrument: string;
  status: AssistanceStatus | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  objectives: string[];
  components: string[];
  expectedResults: string[];
  achievedResults: string[];
  sectors: string[];
  links: { url: string; title: string | null }[];
  participants: ProjectParticipantDto[];
  supports: ResolvedLink[];
}

/** A project's link, its targets resolved and checked. */
interface ResolvedLink {
  benchmarkId: string;
  benchmarkCode: string;
  subRequirementId: string | null;
  subRequirementCode: string | null;
  activityId: string | null;
  how: string;
}

/**
 * Assistance projects: public to read, written by the ministry of the project's country, the
 * Commission, admins, and a CSO for the projects its own organisation implements. Each change is one
 * transaction with one audit event holding before and after; `version` guards against lost updates.
 */
@Injectable()
export class AssistanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The projects matching the filters, by country and title (anyone may read them). */
  async list(viewer: Viewer | null, query: ProjectListQuery): Promise<ProjectDto[]> {
    const params: unknown[] = [];
    const where: string[] = ['TRUE'];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    const words = (text: string) => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (query.country) add((p) => `p.country_code = ${p}`, query.country);
    if (query.status) add((p) => `p.status = ${p}`, query.status);
    if (query.benchmark) add((p) => `EXISTS (SELECT 1 FROM assistance_link l JOIN benchmark b ON b.id = l.benchmark_id WHERE l.project_id = p.id AND b.code = ${p})`, query.benchmark);
    if (query.area) {
      add((p) => `EXISTS (SELECT 1 FROM assistance_link l JOIN benchmark b ON b.id = l.benchmark_id JOIN area a ON a.id = b.area_id WHERE l.project_id = p.id AND a.code = ${p})`, query.area);
    }
    const byRole = (role: ParticipantRole, text: string | undefined) => {
      if (text?.trim()) add((p) => `EXISTS (SELECT 1 FROM assistance_participant o WHERE o.project_id = p.id AND o.role = '${role}' AND o.name ILIKE ${p})`, words(text));
    };
    byRole('funding', query.funder);
    byRole('implementing', query.implementer);
    if (query.period) {
      // Partial dates ('2018', '2018-09', '2018-09-14') compare by their year.
      const [first, last = first] = query.period.split('-');
      if (last < first) throw refuse.badRequest('assistance.period-reversed', { period: query.period });
      add((p) => `left(coalesce(p.actual_start, p.planned_start), 4) <= ${p}`, last);
      add((p) => `coalesce(left(coalesce(p.actual_end, p.planned_end), 4) >= ${p}, TRUE)`, first);
    }
    const rows = await this.dataSource.query(`SELECT ${PROJECT_COLUMNS} FROM assistance_project p WHERE ${where.join(' AND ')} ORDER BY p.country_code, p.title, p.id LIMIT 500`, params);
    return this.withDetails(this.dataSource.manager, viewer, rows);
  }

  async get(viewer: Viewer | null, id: string): Promise<ProjectDto> {
    const [row] = await this.dataSource.query(`SELECT ${PROJECT_COLUMNS} FROM assistance_project p WHERE p.id = $1`, [id]);
    if (!row) throw refuse.notFound('assistance.project-not-found', { id });
    return (await this.withDetails(this.dataSource.manager, viewer, [row]))[0];
  }

  /** The project's versions, newest first (project-versions.ts); 404 for no such project. */
  async versions(id: string): Promise<ProjectVersionDto[]> {
    const [row] = await this.dataSource.query(`SELECT 1 FROM assistance_project p WHERE p.id = $1`, [id]);
    if (!row) throw refuse.notFound('assistance.project-not-found', { id });
    return projectVersions(this.dataSource.manager, id);
  }

  async create(viewer: Viewer, request: CreateProjectRequest, ip: string): Promise<ProjectDto> {
    return this.dataSource.transaction((em) => this.createIn(em, viewer, request, ip));
  }

  /** A new project inside the caller's transaction (the IATI import writes many in one); `via` is kept in the audit event. */
  async createIn(em: EntityManager, viewer: Viewer, request: CreateProjectRequest, ip: string, via?: string): Promise<ProjectDto> {
    const [country] = await em.query(`SELECT code FROM country WHERE code = $1`, [request.country]);
    if (!country) throw refuse.unprocessable('assistance.unknown-country', { country: request.country });
    this.mayWrite(viewer, request);
    const fields = await this.checked(em, request);
    const [row] = await em.query(
      `INSERT INTO assistance_project (country_code, created_by, ${FIELD_COLUMNS.join(', ')})
       VALUES ($1, $2, ${FIELD_COLUMNS.map((_, i) => `$${i + 3}`).join(', ')}) ON CONFLICT (iati_identifier) DO NOTHING RETURNING id`,
      [request.country, viewer.userId, ...fieldValues(fields)],
    );
    if (!row) throw refuse.conflict('assistance.iati-identifier-taken', { identifier: request.iatiIdentifier ?? '' });
    await this.writeLists(em, row.id, fields);
    await this.audit.record(em, actorOfViewer(viewer, ip), {
      action: 'assistance.project-created',
      entityType: 'assistance_project',
      entityId: row.id,
      data: { ...(via ? { via } : {}), after: auditView(await this.one(em, viewer, row.id, true)) },
    });
    return this.one(em, viewer, row.id);
  }

  async update(viewer: Viewer, id: string, request: UpdateProjectRequest, ip: string): Promise<ProjectDto> {
    return this.dataSource.transaction((em) => this.updateIn(em, viewer, id, request, ip));
  }

  /** A change inside the caller's transaction (the IATI import writes many in one); `via` is kept in the audit event. */
  async updateIn(em: EntityManager, viewer: Viewer, id: string, request: UpdateProjectRequest, ip: string, via?: string): Promise<ProjectDto> {
    const [locked] = await em.query(`SELECT id FROM assistance_project WHERE id = $1 FOR UPDATE`, [id]);
    if (!locked) throw refuse.notFound('assistance.project-not-found', { id });
    const before = await this.one(em, viewer, id, true);
    // The rights on the project as it is, then on the project as it would be (a CSO stays an implementer).
    if (!before.mayEdit) throw refuse.forbidden('assistance.not-yours-to-write');
    if (before.version !== request.version) throw refuse.conflict('assistance.project-changed-meanwhile', { current: before.version, sent: request.version });
    if (request.country !== before.country) throw refuse.unprocessable('assistance.country-fixed', { country: before.country });
    this.mayWrite(viewer, request);
    const fields = await this.checked(em, request);
    const taken = fields.iatiIdentifier
      ? await em.query(`SELECT 1 FROM assistance_project WHERE iati_identifier = $1 AND id <> $2`, [fields.iatiIdentifier, id])
      : [];
    if (taken.length) throw refuse.conflict('assistance.iati-identifier-taken', { identifier: fields.iatiIdentifier ?? '' });
    await em.query(
      `UPDATE assistance_project SET ${FIELD_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, ...fieldValues(fields)],
    );
    await em.query(`DELETE FROM assistance_participant WHERE project_id = $1`, [id]);
    await em.query(`DELETE FROM assistance_link WHERE project_id = $1`, [id]);
    await this.writeLists(em, id, fields);
    const after = await this.one(em, viewer, id, true);
    await this.audit.record(em, actorOfViewer(viewer, ip), {
      action: 'assistance.project-updated',
      entityType: 'assistance_project',
      entityId: id,
      data: { ...(via ? { via } : {}), version: after.version, before: auditView(before), after: auditView(after) },
    });
    return this.one(em, viewer, id);
  }

  /** A project with every linked activity named (what a writer keeps when it changes the project), or null. */
  async whole(em: EntityManager, viewer: Viewer | null, id: string): Promise<ProjectDto | null> {
    return (await this.one(em, viewer, id, true)) ?? null;
  }

  /** 403 unless the viewer writes a project like this one; a CSO must name its own organisation as an implementer. */
  private mayWrite(viewer: Viewer, request: CreateProjectRequest): void {
    const scope = { country: request.country, participants: request.participants.map((p) => ({ role: p.role, organisationId: p.organisationId ?? null })) };
    if (writesProject(viewer, scope)) return;
    if (hasRole(viewer, 'civil_society') && !implementedBy(scope, viewer.organisationId)) throw refuse.forbidden('assistance.cso-must-implement');
    throw refuse.forbidden('assistance.not-yours-to-write');
  }

  /** The request's fields, trimmed, with its links resolved: each target of the project's country and consistent (422 otherwise). */
  private async checked(em: EntityManager, request: CreateProjectRequest): Promise<CheckedProject> {
    // A budget is an amount with its currency, or neither (null and absent alike).
    if ((request.budgetAmount == null) !== (request.budgetCurrency == null)) throw refuse.unprocessable('assistance.budget-partial');
    if (endsBeforeStart(request.plannedStart, request.plannedEnd)) throw refuse.unprocessable('assistance.ends-before-start', { field: 'plannedEnd' });
    if (endsBeforeStart(request.actualStart, request.actualEnd)) throw refuse.unprocessable('assistance.ends-before-start', { field: 'actualEnd' });
    const organisations = [...new Set(request.participants.map((p) => p.organisationId).filter((id): id is string => !!id))];
    if (organisations.length) {
      const known: { id: string }[] = await em.query(`SELECT id FROM organisation WHERE id = ANY($1)`, [organisations]);
      const missing = organisations.find((id) => !known.some((k) => k.id === id));
      if (missing) throw refuse.unprocessable('assistance.organisation-not-found', { id: missing });
    }
    const links: ResolvedLink[] = [];
    for (const link of request.supports) {
      const [benchmark] = await em.query(`SELECT b.id, b.code, a.country_code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.code = $1`, [link.benchmark]);
      if (!benchmark) throw refuse.unprocessable('assistance.benchmark-not-found', { benchmark: link.benchmark });
      if (benchmark.country_code.trim() !== request.country) throw refuse.unprocessable('assistance.benchmark-of-another-country', { benchmark: link.benchmark, country: request.country });
      let subRequirementId: string | null = null;
      if (link.subRequirement) {
        const [sub] = await em.query(`SELECT id FROM sub_requirement WHERE code = $1 AND benchmark_id = $2`, [link.subRequirement, benchmark.id]);
        if (!sub) throw refuse.unprocessable('assistance.sub-requirement-not-of-benchmark', { subRequirement: link.subRequirement, benchmark: link.benchmark });
        subRequirementId = sub.id;
      }
      if (link.activityId) {
        const [activity] = await em.query(`SELECT id FROM action_activity WHERE id = $1 AND benchmark_id = $2`, [link.activityId, benchmark.id]);
        if (!activity) throw refuse.unprocessable('assistance.activity-not-of-benchmark', { benchmark: link.benchmark });
      }
      const resolved = { benchmarkId: benchmark.id, benchmarkCode: benchmark.code, subRequirementId, subRequirementCode: link.subRequirement ?? null, activityId: link.activityId ?? null, how: link.how.trim() };
      if (links.some((l) => l.benchmarkId === resolved.benchmarkId && l.subRequirementId === resolved.subRequirementId && l.activityId === resolved.activityId)) {
        throw refuse.unprocessable('assistance.link-twice', { benchmark: link.subRequirement ?? link.benchmark });
      }
      links.push(resolved);
    }
    const texts = (list: string[]) => list.map((t) => t.trim());
    return {
      iatiIdentifier: request.iatiIdentifier?.trim() || null,
      title: request.title.trim(),
      description: (request.description ?? '').trim(),
      instrument: request.instrument,
      status: (request.status ?? null) as AssistanceStatus | null,
      plannedStart: request.plannedStart ?? null,
      plannedEnd: request.plannedEnd ?? null,
      actualStart: request.actualStart ?? null,
      actualEnd: request.actualEnd ?? null,
      budgetAmount: request.budgetAmount ?? null,
      budgetCurrency: request.budgetCurrency ?? null,
      objectives: texts(request.objectives),
      components: texts(request.components),
      expectedResults: texts(request.expectedResults),
      achievedResults: texts(request.achievedResults),
      sectors: request.sectors ?? [],
      links: request.links.map((l) => ({ url: l.url, title: l.title?.trim() || null })),
      participants: request.participants.map((p) => ({ name: p.name.trim(), role: p.role, organisationId: p.organisationId ?? null, ref: p.ref ?? null, type: p.type ?? null })),
      supports: links,
    };
  }

  private async writeLists(em: EntityManager, projectId: string, fields: CheckedProject): Promise<void> {
    for (const [position, p] of fields.participants.entries()) {
      await em.query(`INSERT INTO assistance_participant (project_id, position, name, role, organisation_id, iati_ref, iati_type) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        projectId,
        position,
        p.name,
        p.role,
        p.organisationId,
        p.ref,
        p.type,
      ]);
    }
    for (const [position, l] of fields.supports.entries()) {
      await em.query(`INSERT INTO assistance_link (project_id, position, benchmark_id, sub_requirement_id, activity_id, how) VALUES ($1, $2, $3, $4, $5, $6)`, [
        projectId,
        position,
        l.benchmarkId,
        l.subRequirementId,
        l.activityId,
        l.how,
      ]);
    }
  }

  /** One project as this viewer reads it; `revealActivities` names every linked activity (for the audit trail). */
  private async one(em: EntityManager, viewer: Viewer | null, id: string, revealActivities = false): Promise<ProjectDto> {
    const rows = await em.query(`SELECT ${PROJECT_COLUMNS} FROM assistance_project p WHERE p.id = $1`, [id]);
    return (await this.withDetails(em, viewer, rows, revealActivities))[0];
  }

  private async withDetails(em: EntityManager, viewer: Viewer | null, rows: Record<string, any>[], revealActivities = false): Promise<ProjectDto[]> {
    const ids = rows.map((r) => r['id']);
    if (!ids.length) return [];
    const participants: Record<string, any>[] = await em.query(
      `SELECT project_id, name, role, organisation_id, iati_ref, iati_type FROM assistance_participant WHERE project_id = ANY($1) ORDER BY project_id, position`,
      [ids],
    );
    const links: Record<string, any>[] = await em.query(
      `SELECT l.project_id, b.id AS benchmark_id, b.code AS benchmark_code, a.code AS area_code, s.code AS sub_code, s.text AS sub_text,
              act.id AS activity_id, act.code AS activity_code, act.title AS activity_title, l.how
         FROM assistance_link l JOIN benchmark b ON b.id = l.benchmark_id JOIN area a ON a.id = b.area_id
         LEFT JOIN sub_requirement s ON s.id = l.sub_requirement_id LEFT JOIN action_activity act ON act.id = l.activity_id
        WHERE l.project_id = ANY($1) ORDER BY l.project_id, l.position`,
      [ids],
    );
    return rows.map((r) => {
      const country = String(r['country_code']).trim();
      // An Action Plan activity is named to those who read the country's Action Plan; the link stays for everyone.
      const own = participants.filter((p) => p['project_id'] === r['id']);
      const participantDtos: ProjectParticipantDto[] = own.map((p) => ({
        name: p['name'],
        role: p['role'],
        organisationId: p['organisation_id'],
        ref: p['iati_ref'],
        type: p['iati_type'],
      }));
      const mayEdit = writesProject(viewer, { country, participants: participantDtos });
      // Its writers too, so that a change keeps the links they could not otherwise see.
      const readsActivities = revealActivities || mayEdit || (!!viewer && readsCountryRecords(viewer, { countryCode: country }, false));
      const supports: ProjectLinkDto[] = links
        .filter((l) => l['project_id'] === r['id'])
        .map((l) => ({
          benchmark: { id: l['benchmark_id'], code: l['benchmark_code'], area: l['area_code'] },
          subRequirement: l['sub_code'] ? { code: l['sub_code'], text: l['sub_text'] } : null,
          activity: l['activity_id'] && readsActivities ? { id: l['activity_id'], code: l['activity_code'], title: l['activity_title'] } : null,
          how: l['how'],
        }));
      return {
        id: r['id'],
        country,
        title: r['title'],
        description: r['description'],
        instrument: r['instrument'],
        status: r['status'],
        iatiIdentifier: r['iati_identifier'],
        plannedStart: r['planned_start'],
        plannedEnd: r['planned_end'],
        actualStart: r['actual_start'],
        actualEnd: r['actual_end'],
        budget: r['budget_amount'] === null ? null : { amount: Number(r['budget_amount']), currency: r['budget_currency'] },
        objectives: r['objectives'],
        components: r['components'],
        expectedResults: r['expected_results'],
        achievedResults: r['achieved_results'],
        sectors: r['sectors'],
        participants: participantDtos,
        supports,
        links: r['links'],
        version: r['version'],
        updatedAt: new Date(r['updated_at']).toISOString(),
        mayEdit,
      };
    });
  }
}

/** The project's own columns a request sets, in the order fieldValues gives them. */
const FIELD_COLUMNS = [
  'iati_identifier',
  'title',
  'description',
  'instrument',
  'status',
  'planned_start',
  'planned_end',
  'actual_start',
  'actual_end',
  'budget_amount',
  'budget_currency',
  'objectives',
  'components',
  'expected_results',
  'achieved_results',
  'sectors',
  'links',
];

function fieldValues(f: CheckedProject): unknown[] {
  return [
    f.iatiIdentifier,
    f.title,
    f.description,
    f.instrument,
    f.status,
    f.plannedStart,
    f.plannedEnd,
    f.actualStart,
    f.actualEnd,
    f.budgetAmount,
    f.budgetCurrency,
    f.objectives,
    f.components,
    f.expectedResults,
    f.achievedResults,
    f.sectors,
    JSON.stringify(f.links),
  ];
}

/** What the audit trail keeps of a project: everything but what belongs to the reader (mayEdit) or the row (updatedAt). */
function auditView(project: ProjectDto): Omit<ProjectDto, 'mayEdit' | 'updatedAt'> {
  const { mayEdit: _mayEdit, updatedAt: _updatedAt, ...rest } = project;
  return rest;
}
