import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { refuse } from '@bt/api/core';
import type { Viewer } from '@bt/api/identity';
import { readsCountryRecords } from '@bt/api/track-records';
import type {
  AssistanceInstrument,
  AssistanceStatus,
  ParticipantRole,
  ProjectDto,
  ProjectLinkDto,
  ProjectListQuery,
  ProjectParticipantDto,
  ProjectVersionDto,
} from '@bt/contracts';
import { writesProject } from './project-access';
import { projectVersions } from './project-versions';

const PROJECT_COLUMNS = `p.id, p.country_code, p.iati_identifier, p.title, p.description, p.instrument, p.status, p.planned_start, p.planned_end,
  p.actual_start, p.actual_end, p.budget_amount, p.budget_currency, p.objectives, p.components, p.expected_results, p.achieved_results,
  p.sectors, p.links, p.version, p.updated_at`;

/** A project's own columns, as PROJECT_COLUMNS selects them. */
interface ProjectRow {
  id: string;
  country_code: string;
  iati_identifier: string | null;
  title: string;
  description: string;
  instrument: AssistanceInstrument;
  status: AssistanceStatus | null;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  /** numeric: the driver's text. */
  budget_amount: string | null;
  budget_currency: string | null;
  objectives: string[];
  components: string[];
  expected_results: string[];
  achieved_results: string[];
  sectors: string[];
  links: { url: string; title: string | null }[];
  version: number;
  updated_at: Date;
}

interface ParticipantRow {
  project_id: string;
  name: string;
  role: ParticipantRole;
  organisation_id: string | null;
  iati_ref: string | null;
  iati_type: number | null;
}

interface LinkRow {
  project_id: string;
  benchmark_id: string;
  benchmark_code: string;
  area_code: string;
  sub_code: string | null;
  sub_text: string | null;
  activity_id: string | null;
  activity_code: string | null;
  activity_title: string | null;
  how: string;
}

/**
 * Assistance projects as they are read: public, each with its participants and what it supports (an
 * Action Plan activity named to readers of the country's Action Plan only). The writers
 * (AssistanceEditingService, the IATI import) answer with `one` inside their own transaction.
 */
@Injectable()
export class AssistanceService {
  constructor(private readonly dataSource: DataSource) {}

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
    if (query.benchmark)
      add(
        (p) => `EXISTS (SELECT 1 FROM assistance_link l JOIN benchmark b ON b.id = l.benchmark_id WHERE l.project_id = p.id AND b.code = ${p})`,
        query.benchmark,
      );
    if (query.area) {
      add(
        (p) =>
          `EXISTS (SELECT 1 FROM assistance_link l JOIN benchmark b ON b.id = l.benchmark_id JOIN area a ON a.id = b.area_id WHERE l.project_id = p.id AND a.code = ${p})`,
        query.area,
      );
    }
    const byRole = (role: ParticipantRole, text: string | undefined) => {
      if (text?.trim())
        add((p) => `EXISTS (SELECT 1 FROM assistance_participant o WHERE o.project_id = p.id AND o.role = '${role}' AND o.name ILIKE ${p})`, words(text));
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
    const rows = await this.dataSource.query<ProjectRow[]>(
      `SELECT ${PROJECT_COLUMNS} FROM assistance_project p WHERE ${where.join(' AND ')} ORDER BY p.country_code, p.title, p.id LIMIT 500`,
      params,
    );
    return this.withDetails(this.dataSource.manager, viewer, rows);
  }

  async get(viewer: Viewer | null, id: string): Promise<ProjectDto> {
    const [row] = await this.dataSource.query<ProjectRow[]>(`SELECT ${PROJECT_COLUMNS} FROM assistance_project p WHERE p.id = $1`, [id]);
    if (!row) throw refuse.notFound('assistance.project-not-found', { id });
    return (await this.withDetails(this.dataSource.manager, viewer, [row]))[0];
  }

  /** The project's versions, newest first (project-versions.ts); 404 for no such project. */
  async versions(id: string): Promise<ProjectVersionDto[]> {
    const [row] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM assistance_project p WHERE p.id = $1`, [id]);
    if (!row) throw refuse.notFound('assistance.project-not-found', { id });
    return projectVersions(this.dataSource.manager, id);
  }

  /** A project with every linked activity named (what a writer keeps when it changes the project), or null. */
  async whole(em: EntityManager, viewer: Viewer | null, id: string): Promise<ProjectDto | null> {
    return (await this.one(em, viewer, id, true)) ?? null;
  }

  /** One project as this viewer reads it; `revealActivities` names every linked activity (for the audit trail). */
  async one(em: EntityManager, viewer: Viewer | null, id: string, revealActivities = false): Promise<ProjectDto> {
    const rows = await em.query<ProjectRow[]>(`SELECT ${PROJECT_COLUMNS} FROM assistance_project p WHERE p.id = $1`, [id]);
    return (await this.withDetails(em, viewer, rows, revealActivities))[0];
  }

  private async withDetails(em: EntityManager, viewer: Viewer | null, rows: ProjectRow[], revealActivities = false): Promise<ProjectDto[]> {
    const ids = rows.map((r) => r.id);
    if (!ids.length) return [];
    const participants = await em.query<ParticipantRow[]>(
      `SELECT project_id, name, role, organisation_id, iati_ref, iati_type FROM assistance_participant WHERE project_id = ANY($1) ORDER BY project_id, position`,
      [ids],
    );
    const links = await em.query<LinkRow[]>(
      `SELECT l.project_id, b.id AS benchmark_id, b.code AS benchmark_code, a.code AS area_code, s.code AS sub_code, s.text AS sub_text,
              act.id AS activity_id, act.code AS activity_code, act.title AS activity_title, l.how
         FROM assistance_link l JOIN benchmark b ON b.id = l.benchmark_id JOIN area a ON a.id = b.area_id
         LEFT JOIN sub_requirement s ON s.id = l.sub_requirement_id LEFT JOIN action_activity act ON act.id = l.activity_id
        WHERE l.project_id = ANY($1) ORDER BY l.project_id, l.position`,
      [ids],
    );
    return rows.map((r) => {
      const country = String(r.country_code).trim();
      // An Action Plan activity is named to those who read the country's Action Plan; the link stays for everyone.
      const own = participants.filter((p) => p.project_id === r.id);
      const participantDtos: ProjectParticipantDto[] = own.map((p) => ({
        name: p.name,
        role: p.role,
        organisationId: p.organisation_id,
        ref: p.iati_ref,
        type: p.iati_type,
      }));
      const mayEdit = writesProject(viewer, { country, participants: participantDtos });
      // Its writers too, so that a change keeps the links they could not otherwise see.
      const readsActivities = revealActivities || mayEdit || (!!viewer && readsCountryRecords(viewer, { countryCode: country }, false));
      const supports: ProjectLinkDto[] = links
        .filter((l) => l.project_id === r.id)
        .map((l) => ({
          benchmark: { id: l.benchmark_id, code: l.benchmark_code, area: l.area_code },
          subRequirement: l.sub_code ? { code: l.sub_code, text: l.sub_text as string } : null,
          activity: l.activity_id && readsActivities ? { id: l.activity_id, code: l.activity_code as string, title: l.activity_title as string } : null,
          how: l.how,
        }));
      return {
        id: r.id,
        country,
        title: r.title,
        description: r.description,
        instrument: r.instrument,
        status: r.status,
        iatiIdentifier: r.iati_identifier,
        plannedStart: r.planned_start,
        plannedEnd: r.planned_end,
        actualStart: r.actual_start,
        actualEnd: r.actual_end,
        budget: r.budget_amount === null ? null : { amount: Number(r.budget_amount), currency: r.budget_currency as string },
        objectives: r.objectives,
        components: r.components,
        expectedResults: r.expected_results,
        achievedResults: r.achieved_results,
        sectors: r.sectors,
        participants: participantDtos,
        supports,
        links: r.links,
        version: r.version,
        updatedAt: new Date(r.updated_at).toISOString(),
        mayEdit,
      };
    });
  }
}
