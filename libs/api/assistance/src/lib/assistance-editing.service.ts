import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { type Actor, auditActor, hasRole, type Viewer } from '@bt/api/identity';
import {
  type AssistanceStatus,
  type CreateProjectRequest,
  endsBeforeStart,
  type ProjectDto,
  type ProjectParticipantDto,
  type UpdateProjectRequest,
} from '@bt/contracts';
import { implementedBy, writesProject } from './project-access';
import { AssistanceService } from './assistance.service';

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
 * Writing assistance projects: the ministry of the project's country, the Commission, admins, and a
 * CSO for the projects its own organisation implements. Each change is one transaction with one
 * audit event holding before and after; `version` guards against lost updates. The IATI import
 * writes through `createIn` / `updateIn`, many projects in its one transaction.
 */
@Injectable()
export class AssistanceEditingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly projects: AssistanceService,
  ) {}

  async create(actor: Actor, request: CreateProjectRequest): Promise<ProjectDto> {
    return this.dataSource.transaction((em) => this.createIn(em, actor, request));
  }

  /** A new project inside the caller's transaction (the IATI import writes many in one); `via` is kept in the audit event. */
  async createIn(em: EntityManager, actor: Actor, request: CreateProjectRequest, via?: string): Promise<ProjectDto> {
    const [country] = await em.query<{ code: string }[]>(`SELECT code FROM country WHERE code = $1`, [request.country]);
    if (!country) throw refuse.unprocessable('assistance.unknown-country', { country: request.country });
    this.mayWrite(actor, request);
    const fields = await this.checked(em, request);
    const [row] = await em.query<{ id: string }[]>(
      `INSERT INTO assistance_project (country_code, created_by, ${FIELD_COLUMNS.join(', ')})
       VALUES ($1, $2, ${FIELD_COLUMNS.map((_, i) => `$${i + 3}`).join(', ')}) ON CONFLICT (iati_identifier) DO NOTHING RETURNING id`,
      [request.country, actor.userId, ...fieldValues(fields)],
    );
    if (!row) throw refuse.conflict('assistance.iati-identifier-taken', { identifier: request.iatiIdentifier ?? '' });
    await this.writeLists(em, row.id, fields);
    await this.audit.record(em, auditActor(actor), {
      action: 'assistance.project-created',
      entityType: 'assistance_project',
      entityId: row.id,
      data: { ...(via ? { via } : {}), after: auditView(await this.projects.one(em, actor, row.id, true)) },
    });
    return this.projects.one(em, actor, row.id);
  }

  async update(actor: Actor, id: string, request: UpdateProjectRequest): Promise<ProjectDto> {
    return this.dataSource.transaction((em) => this.updateIn(em, actor, id, request));
  }

  /** A change inside the caller's transaction (the IATI import writes many in one); `via` is kept in the audit event. */
  async updateIn(em: EntityManager, actor: Actor, id: string, request: UpdateProjectRequest, via?: string): Promise<ProjectDto> {
    const [locked] = await em.query<{ id: string }[]>(`SELECT id FROM assistance_project WHERE id = $1 FOR UPDATE`, [id]);
    if (!locked) throw refuse.notFound('assistance.project-not-found', { id });
    const before = await this.projects.one(em, actor, id, true);
    // The rights on the project as it is, then on the project as it would be (a CSO stays an implementer).
    if (!before.mayEdit) throw refuse.forbidden('assistance.not-yours-to-write');
    if (before.version !== request.version) throw refuse.conflict('assistance.project-changed-meanwhile', { current: before.version, sent: request.version });
    if (request.country !== before.country) throw refuse.unprocessable('assistance.country-fixed', { country: before.country });
    this.mayWrite(actor, request);
    const fields = await this.checked(em, request);
    const taken = fields.iatiIdentifier
      ? await em.query<unknown[]>(`SELECT 1 FROM assistance_project WHERE iati_identifier = $1 AND id <> $2`, [fields.iatiIdentifier, id])
      : [];
    if (taken.length) throw refuse.conflict('assistance.iati-identifier-taken', { identifier: fields.iatiIdentifier ?? '' });
    await em.query(
      `UPDATE assistance_project SET ${FIELD_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, ...fieldValues(fields)],
    );
    await em.query(`DELETE FROM assistance_participant WHERE project_id = $1`, [id]);
    await em.query(`DELETE FROM assistance_link WHERE project_id = $1`, [id]);
    await this.writeLists(em, id, fields);
    const after = await this.projects.one(em, actor, id, true);
    await this.audit.record(em, auditActor(actor), {
      action: 'assistance.project-updated',
      entityType: 'assistance_project',
      entityId: id,
      data: { ...(via ? { via } : {}), version: after.version, before: auditView(before), after: auditView(after) },
    });
    return this.projects.one(em, actor, id);
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
      const known = await em.query<{ id: string }[]>(`SELECT id FROM organisation WHERE id = ANY($1)`, [organisations]);
      const missing = organisations.find((id) => !known.some((k) => k.id === id));
      if (missing) throw refuse.unprocessable('assistance.organisation-not-found', { id: missing });
    }
    const links: ResolvedLink[] = [];
    for (const link of request.supports) {
      const [benchmark] = await em.query<{ id: string; code: string; country_code: string }[]>(
        `SELECT b.id, b.code, a.country_code FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.code = $1`,
        [link.benchmark],
      );
      if (!benchmark) throw refuse.unprocessable('assistance.benchmark-not-found', { benchmark: link.benchmark });
      if (benchmark.country_code.trim() !== request.country)
        throw refuse.unprocessable('assistance.benchmark-of-another-country', { benchmark: link.benchmark, country: request.country });
      let subRequirementId: string | null = null;
      if (link.subRequirement) {
        const [sub] = await em.query<{ id: string }[]>(`SELECT id FROM sub_requirement WHERE code = $1 AND benchmark_id = $2`, [
          link.subRequirement,
          benchmark.id,
        ]);
        if (!sub) throw refuse.unprocessable('assistance.sub-requirement-not-of-benchmark', { subRequirement: link.subRequirement, benchmark: link.benchmark });
        subRequirementId = sub.id;
      }
      if (link.activityId) {
        const [activity] = await em.query<{ id: string }[]>(`SELECT id FROM action_activity WHERE id = $1 AND benchmark_id = $2`, [
          link.activityId,
          benchmark.id,
        ]);
        if (!activity) throw refuse.unprocessable('assistance.activity-not-of-benchmark', { benchmark: link.benchmark });
      }
      const resolved = {
        benchmarkId: benchmark.id,
        benchmarkCode: benchmark.code,
        subRequirementId,
        subRequirementCode: link.subRequirement ?? null,
        activityId: link.activityId ?? null,
        how: link.how.trim(),
      };
      if (
        links.some((l) => l.benchmarkId === resolved.benchmarkId && l.subRequirementId === resolved.subRequirementId && l.activityId === resolved.activityId)
      ) {
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
      participants: request.participants.map((p) => ({
        name: p.name.trim(),
        role: p.role,
        organisationId: p.organisationId ?? null,
        ref: p.ref ?? null,
        type: p.type ?? null,
      })),
      supports: links,
    };
  }

  private async writeLists(em: EntityManager, projectId: string, fields: CheckedProject): Promise<void> {
    for (const [position, p] of fields.participants.entries()) {
      await em.query(
        `INSERT INTO assistance_participant (project_id, position, name, role, organisation_id, iati_ref, iati_type) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [projectId, position, p.name, p.role, p.organisationId, p.ref, p.type],
      );
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
