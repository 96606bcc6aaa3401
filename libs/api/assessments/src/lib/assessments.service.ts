import { ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { findBenchmarkScope } from '@bt/api/catalogue';
import type { AssessmentDto, AssessmentRequest, AssessmentVoice, AssessmentVoicesDto, BenchmarkAssessmentsDto, ChapterOverviewDto, OverviewQuery } from '@bt/contracts';
import { actorOfViewer, type Viewer } from '@bt/api/identity';
import { viewerFacts, visibleAssessments, voiceOf } from './assessment-voices';

const COLUMNS = `s.id, s.benchmark_id, s.voice, s.period, s.preparation, s.progress, s.text, s.created_at, s.organisation_id, o.name AS organisation, u.display_name`;

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
  async insert(em: EntityManager, viewer: Viewer, benchmarkId: string, voice: AssessmentVoice, request: AssessmentRequest & { period: string }): Promise<{ id: string; period: string }> {
    const text = request.text.trim();
    if (!text) throw new UnprocessableEntityException('text must not be empty: an assessment says why');
    const [row] = await em.query(
      `INSERT INTO assessment (benchmark_id, voice, period, preparation, progress, text, author_id, organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [benchmarkId, voice, request.period, request.preparation, request.progress, text, viewer.userId, viewer.organisationId],
    );
    return { id: row.id, period: request.period };
  }

  /** An assessment in the caller's own voice, at any time (the period defaults to the current year). */
  async record(viewer: Viewer, benchmarkRef: string, request: AssessmentRequest, ip: string): Promise<AssessmentDto> {
    const id = await this.dataSource.transaction(async (em) => {
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      const voice = voiceOf(viewer, scope);
      if (!voice) throw new ForbiddenException("Assessments come from the Commission, and from the ministry and civil society of the benchmark's country.");
      const saved = await this.insert(em, viewer, scope.id, voice, { ...request, period: request.period ?? String(new Date().getFullYear()) });
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: 'assessment.recorded',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { assessmentId: saved.id, voice, period: saved.period, preparation: request.preparation, progress: request.progress },
      });
      return saved.id;
    });
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM assessment s JOIN organisation o ON o.id = s.organisation_id JOIN app_user u ON u.id = s.author_id WHERE s.id = $1`, [id]);
    return toDto(row);
  }

  /** Every assessment of the benchmark the caller may see (newest first) and the three current voices per period. */
  async ofBenchmark(viewer: Viewer | null, benchmarkRef: string): Promise<BenchmarkAssessmentsDto> {
    const scope = await findBenchmarkScope(this.dataSource.manager, benchmarkRef);
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM assessment s JOIN organisation o ON o.id = s.organisation_id JOIN app_user u ON u.id = s.author_id
         JOIN benchmark b ON b.id = s.benchmark_id JOIN area a ON a.id = b.area_id
        WHERE s.benchmark_id = $1 AND ${visibleAssessments(2)}
        ORDER BY s.created_at DESC, s.id`,
      [scope.id, ...viewerFacts(viewer)],
    );
    const history: AssessmentDto[] = rows.map(toDto);
    const periods = [...new Set(history.map((a) => a.period))].sort().reverse();
    return { history, periods: periods.map((period) => ({ period, ...voices(history.filter((a) => a.period === period)) })) };
  }

  /** A chapter's benchmarks × the three current voices for one period. */
  async overview(viewer: Viewer | null, query: OverviewQuery): Promise<ChapterOverviewDto> {
    const chapter = Number(query.chapter);
    const where = `a.country_code = $1 AND a.chapter_number = $2 AND ${visibleAssessments(3)}`;
    const facts = viewerFacts(viewer);
    const periodRows = await this.dataSource.query(
      `SELECT DISTINCT s.period FROM assessment s JOIN benchmark b ON b.id = s.benchmark_id JOIN area a ON a.id = b.area_id WHERE ${where} ORDER BY s.period DESC`,
      [query.country, chapter, ...facts],
    );
    const periods: string[] = periodRows.map((r: { period: string }) => r.period);
    const period = query.period ?? periods[0] ?? String(new Date().getFullYear());
    const benchmarks = await this.dataSource.query(
      `SELECT b.id, b.code, b.text, b.state, a.code AS area, a.title AS area_title FROM benchmark b JOIN area a ON a.id = b.area_id
        WHERE a.country_code = $1 AND a.chapter_number = $2 ORDER BY a.position, b.position`,
      [query.country, chapter],
    );
    const current = await this.dataSource.query(
      `SELECT DISTINCT ON (s.benchmark_id, s.voice, s.organisation_id) ${COLUMNS}
         FROM assessment s JOIN organisation o ON o.id = s.organisation_id JOIN app_user u ON u.id = s.author_id
         JOIN benchmark b ON b.id = s.benchmark_id JOIN area a ON a.id = b.area_id
        WHERE ${where} AND s.period = $6
        ORDER BY s.benchmark_id, s.voice, s.organisation_id, s.created_at DESC`,
      [query.country, chapter, ...facts, period],
    );
    const assessments: (AssessmentDto & { benchmarkId: string })[] = current.map((r: Record<string, any>) => ({ ...toDto(r), benchmarkId: r.benchmark_id }));
    return {
      country: query.country,
      chapter,
      period,
      periods: periods.includes(period) ? periods : [period, ...periods],
      rows: benchmarks.map((b: Record<string, any>) => ({
        benchmark: { id: b.id, code: b.code, text: b.text, state: b.state, area: b.area, areaTitle: b.area_title },
        ...voices(assessments.filter((a) => a.benchmarkId === b.id).map(({ benchmarkId: _, ...a }) => a)),
      })),
    };
  }
}

/** The current voice of each organisation among assessments of one period (newest first, or any order). */
export function voices(assessments: AssessmentDto[]): AssessmentVoicesDto {
  const latest = new Map<string, AssessmentDto>();
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

function toDto(r: Record<string, any>): AssessmentDto {
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
    createdAt: new Date(r.created_at).toISOString(),
  };
}
