import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse, rows, sql } from '@bt/api/core';
import { projectToCite } from '@bt/api/assistance';
import { findBenchmarkScope } from '@bt/api/catalogue';
import type { AssessmentDto, AssessmentRequest, AssessmentVoice, BenchmarkAssessmentsDto, OverviewGradeDto, RecordAssessmentRequest } from '@bt/contracts';
import { type Actor, auditActor, type Viewer } from '@bt/api/identity';
import { viewerFacts, visibleAssessments, voiceOf } from './assessment-voices';

/** An assessment as COLUMNS read it. */
interface AssessmentRow {
  id: string;
  benchmark_id: string;
  voice: AssessmentVoice;
  period: string;
  preparation: AssessmentDto['preparation'];
  progress: AssessmentDto['progress'];
  text: string;
  created_at: Date;
  organisation_id: string;
  organisation: string;
  display_name: string;
  source_project_id: string | null;
  source_project_title: string;
}

const COLUMNS =
  sql.raw(`s.id, s.benchmark_id, s.voice, s.period, s.preparation, s.progress, s.text, s.created_at, s.organisation_id, o.name AS organisation, u.display_name,
  s.source_project_id, (SELECT sp.title FROM assistance_project sp WHERE sp.id = s.source_project_id) AS source_project_title`);

/**
 * The three voices on a benchmark, per reporting period: the Commission's assessment, the ministry's
 * self-assessment and each CSO's shadow assessment. Append-only: the history is every row, the
 * current assessment of a voice (per organisation and period) its latest row.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Adds an assessment inside the caller's transaction (ACCEPT records the Commission's this way). */
  async insert(
    em: EntityManager,
    viewer: Viewer,
    benchmarkId: string,
    voice: AssessmentVoice,
    request: AssessmentRequest & { period: string; sourceProjectId?: string | null },
  ): Promise<{ id: string; period: string }> {
    const text = request.text.trim();
    if (!text) throw refuse.unprocessable('assessment.text-empty');
    const [row] = await em.query<{ id: string }[]>(
      `INSERT INTO assessment (benchmark_id, voice, period, preparation, progress, text, author_id, organisation_id, source_project_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [benchmarkId, voice, request.period, request.preparation, request.progress, text, viewer.userId, viewer.organisationId, request.sourceProjectId ?? null],
    );
    return { id: row.id, period: request.period };
  }

  /** An assessment in the caller's own voice, at any time (the period defaults to the current year). */
  async record(viewer: Actor, benchmarkRef: string, request: RecordAssessmentRequest): Promise<AssessmentDto> {
    const id = await this.dataSource.transaction(async (em) => {
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      const voice = voiceOf(viewer, scope);
      if (!voice) throw refuse.forbidden('assessment.not-yours');
      if (request.sourceProjectId) {
        // A shadow assessment may name the monitoring project it comes from: one its organisation implements, in the benchmark's country.
        if (voice !== 'civil_society') throw refuse.unprocessable('assessment.source-for-civil-society-only');
        const project = await projectToCite(em, request.sourceProjectId, viewer.organisationId);
        if (!project) throw refuse.unprocessable('assessment.source-not-found');
        if (project.country !== scope.countryCode)
          throw refuse.unprocessable('assessment.source-of-another-country', { country: project.country, benchmarkCountry: scope.countryCode });
        if (!project.implemented) throw refuse.unprocessable('assessment.source-not-implemented-by-you', { title: project.title });
      }
      const saved = await this.insert(em, viewer, scope.id, voice, { ...request, period: request.period ?? String(new Date().getFullYear()) });
      await this.audit.record(em, auditActor(viewer), {
        action: 'assessment.recorded',
        entityType: 'benchmark',
        entityId: scope.id,
        data: {
          assessmentId: saved.id,
          voice,
          period: saved.period,
          preparation: request.preparation,
          progress: request.progress,
          sourceProjectId: request.sourceProjectId ?? null,
        },
      });
      return saved.id;
    });
    const [row] = await rows<AssessmentRow>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM assessment s JOIN organisation o ON o.id = s.organisation_id JOIN app_user u ON u.id = s.author_id WHERE s.id = ${id}`,
    );
    return toDto(row);
  }

  /** Every assessment of the benchmark the caller may see (newest first) and the three current voices per period. */
  async ofBenchmark(viewer: Viewer | null, benchmarkRef: string): Promise<BenchmarkAssessmentsDto> {
    const scope = await findBenchmarkScope(this.dataSource.manager, benchmarkRef);
    const found = await rows<AssessmentRow>(
      this.dataSource,
      sql`SELECT ${COLUMNS} FROM assessment s JOIN organisation o ON o.id = s.organisation_id JOIN app_user u ON u.id = s.author_id
         JOIN benchmark b ON b.id = s.benchmark_id JOIN area a ON a.id = b.area_id
        WHERE s.benchmark_id = ${scope.id} AND ${visibleAssessments(viewerFacts(viewer))}
        ORDER BY s.created_at DESC, s.id`,
    );
    const history: AssessmentDto[] = found.map(toDto);
    const periods = [...new Set(history.map((a) => a.period))].sort().reverse();
    return { history, periods: periods.map((period) => ({ period, ...voices(history.filter((a) => a.period === period)) })) };
  }
}

/** The current voice of each organisation among assessments of one period (newest first, or any order). */
export function voices<T extends OverviewGradeDto>(assessments: T[]): { commission: T | null; ministry: T | null; civilSociety: T[] } {
  const latest = new Map<string, T>();
  for (const a of assessments) {
    const key = `${a.voice}:${a.organisationId}`;
    const known = latest.get(key);
    if (!known || known.createdAt < a.createdAt) latest.set(key, a);
  }
  const current = [...latest.values()].sort((x, y) => y.createdAt.localeCompare(x.createdAt));
  return {
    commission: current.find((a) => a.voice === 'commission') ?? null,
    ministry: current.find((a) => a.voice === 'ministry') ?? null,
    civilSociety: current.filter((a) => a.voice === 'civil_society').sort((x, y) => x.organisation.localeCompare(y.organisation)),
  };
}

function toDto(r: AssessmentRow): AssessmentDto {
  return {
    id: r.id,
    voice: r.voice,
    organisation: r.organisation,
    organisationId: r.organisation_id,
    period: r.period,
    preparation: r.preparation,
    progress: r.progress,
    text: r.text,
    author: r.display_name,
    createdAt: r.created_at.toISOString(),
    sourceProject: r.source_project_id ? { id: r.source_project_id, title: r.source_project_title } : null,
  };
}
