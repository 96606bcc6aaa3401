import { ConflictException, ForbiddenException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { findBenchmarkScope } from '@bt/api/catalogue';
import type { CreateEvidenceRequest, EvidenceDto } from '@bt/contracts';
import { actorOfViewer, hasRole, type Viewer } from '@bt/api/identity';
import { isMissionExpert } from '@bt/api/missions';
import { visibleEvidence } from './evidence-visibility';

/** Evidence a ministry submits for a benchmark (minimal form: the workflow's SUBMIT guard reads it). */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(viewer: Viewer, benchmarkRef: string, request: CreateEvidenceRequest, ip: string): Promise<EvidenceDto> {
    return this.dataSource.transaction(async (em) => {
      // A shared lock: no transition of this benchmark can commit in between.
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      if (!hasRole(viewer, 'ministry') || viewer.countryCode !== scope.countryCode) {
        throw new ForbiddenException("Only the ministry of the benchmark's country adds evidence.");
      }
      if (scope.state !== 'draft') {
        throw new ConflictException(`Evidence is read-only while the benchmark is ${scope.state}; it opens again when changes are requested or the benchmark is reopened.`);
      }
      const title = request.title.trim();
      if (!title) throw new UnprocessableEntityException('title must not be empty');
      const [row] = await em.query(
        `INSERT INTO evidence (benchmark_id, title, narrative, visibility, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
        [scope.id, title, request.narrative ?? '', request.visibility, viewer.userId],
      );
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: 'evidence.created',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { evidenceId: row.id, title, visibility: request.visibility },
      });
      return { id: row.id, benchmarkId: scope.id, title, narrative: request.narrative ?? '', visibility: request.visibility, author: viewer.displayName, createdAt: new Date(row.created_at).toISOString() };
    });
  }

  async list(viewer: Viewer | null, benchmarkRef: string): Promise<EvidenceDto[]> {
    const em = this.dataSource.manager;
    const scope = await findBenchmarkScope(em, benchmarkRef);
    const missionExpert = viewer ? await isMissionExpert(em, scope.id, viewer.userId) : false;
    const rows = await em.query(
      `SELECT e.id, e.title, e.narrative, e.visibility, e.created_at, u.display_name
         FROM evidence e JOIN app_user u ON u.id = e.author_id
        WHERE e.benchmark_id = $1 AND e.visibility = ANY($2) ORDER BY e.created_at`,
      [scope.id, visibleEvidence(viewer, scope, missionExpert)],
    );
    return rows.map((r: Record<string, any>) => ({ id: r.id, benchmarkId: scope.id, title: r.title, narrative: r.narrative, visibility: r.visibility, author: r.display_name, createdAt: new Date(r.created_at).toISOString() }));
  }

}

