import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { type BenchmarkScope, findBenchmarkScope } from '@bt/api/catalogue';
import { type CreateEvidenceRequest, type EvidenceDto, isCalendarDay, type UpdateEvidenceRequest } from '@bt/contracts';
import { type Actor, auditActor } from '@bt/api/identity';
import { appendVersion, type EvidenceFields, evidenceChanges, fieldParameters } from './evidence-rows';
import { checkMayWriteEvidence, EvidenceService } from './evidence.service';

/**
 * Drafting evidence: a new item (version 1) and its edits, each a new version of its fields, by the
 * ministry of the benchmark's country while the benchmark is a draft.
 */
@Injectable()
export class EvidenceDraftingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly evidence: EvidenceService,
  ) {}

  async create(actor: Actor, benchmarkRef: string, request: CreateEvidenceRequest): Promise<EvidenceDto> {
    return this.dataSource.transaction(async (em) => {
      // A shared lock: no transition of this benchmark can commit in between.
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      checkMayWriteEvidence(actor, scope);
      const fields = await this.checked(em, scope, {
        title: request.title,
        narrative: request.narrative ?? '',
        visibility: request.visibility,
        periodStart: request.periodStart ?? null,
        periodEnd: request.periodEnd ?? null,
        subRequirementIds: request.subRequirementIds ?? [],
        links: (request.links ?? []).map((l) => ({ url: l.url, label: l.label ?? '' })),
      });
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO evidence (benchmark_id, title, narrative, visibility, period_start, period_end, sub_requirement_ids, links, author_id, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
        [scope.id, ...fieldParameters(fields), actor.userId],
      );
      await appendVersion(em, row.id, 1, fields, actor.userId);
      await this.audit.record(em, auditActor(actor), {
        action: 'evidence.created',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { evidenceId: row.id, title: fields.title, visibility: fields.visibility },
      });
      return this.evidence.one(actor, row.id, em);
    });
  }

  /** A new version with the changed fields; 409 when `version` is not the current one. */
  async update(actor: Actor, evidenceId: string, request: UpdateEvidenceRequest): Promise<EvidenceDto> {
    return this.dataSource.transaction(async (em) => {
      const { scope, item } = await this.evidence.findWritable(em, actor, evidenceId);
      if (request.version !== item.version) {
        throw refuse.conflict('evidence.changed-meanwhile', { current: item.version, sent: request.version });
      }
      const before = item.fields;
      const after = await this.checked(em, scope, {
        title: request.title ?? before.title,
        narrative: request.narrative ?? before.narrative,
        visibility: request.visibility ?? before.visibility,
        periodStart: request.periodStart !== undefined ? request.periodStart : before.periodStart,
        periodEnd: request.periodEnd !== undefined ? request.periodEnd : before.periodEnd,
        subRequirementIds: request.subRequirementIds ?? before.subRequirementIds,
        links: request.links ? request.links.map((l) => ({ url: l.url, label: l.label ?? '' })) : before.links,
      });
      const changed = evidenceChanges(before, after, [], []);
      if (!changed.length) return this.evidence.one(actor, evidenceId, em);
      const version = item.version + 1;
      await em.query(
        `UPDATE evidence SET title = $2, narrative = $3, visibility = $4, period_start = $5, period_end = $6, sub_requirement_ids = $7, links = $8,
                version = $9, updated_at = now(), updated_by = $10 WHERE id = $1`,
        [
          item.id,
          after.title,
          after.narrative,
          after.visibility,
          after.periodStart,
          after.periodEnd,
          after.subRequirementIds,
          JSON.stringify(after.links),
          version,
          actor.userId,
        ],
      );
      await appendVersion(em, item.id, version, after, actor.userId);
      const pick = (fields: EvidenceFields) =>
        Object.fromEntries(Object.entries(fields).filter(([key]) => changed.some((c) => key.startsWith(c === 'period' ? 'period' : c))));
      await this.audit.record(em, auditActor(actor), {
        action: 'evidence.updated',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { evidenceId: item.id, version, changes: changed, before: pick(before), after: pick(after) },
      });
      return this.evidence.one(actor, evidenceId, em);
    });
  }

  /** Trims and checks the fields: 422 for a blank title, a bad period, a foreign sub-requirement or a non-web link. */
  private async checked(em: EntityManager, scope: BenchmarkScope, fields: EvidenceFields): Promise<EvidenceFields> {
    const title = fields.title.trim();
    if (!title) throw refuse.unprocessable('request.field-empty', { field: 'title' });
    for (const [name, value] of [
      ['periodStart', fields.periodStart],
      ['periodEnd', fields.periodEnd],
    ] as const) {
      if (value !== null && !isCalendarDay(value)) throw refuse.unprocessable('request.not-a-calendar-day', { field: name });
    }
    if (fields.periodStart && fields.periodEnd && fields.periodStart > fields.periodEnd) {
      throw refuse.unprocessable('evidence.period-ends-before-start');
    }
    const subRequirementIds = [...new Set(fields.subRequirementIds.map((id) => id.toLowerCase()))];
    if (subRequirementIds.length) {
      const [{ count }] = await em.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM sub_requirement WHERE benchmark_id = $1 AND id = ANY($2)`, [
        scope.id,
        subRequirementIds,
      ]);
      if (count !== subRequirementIds.length) throw refuse.unprocessable('evidence.sub-requirement-not-on-benchmark', { code: scope.code });
    }
    const links = fields.links.map((link) => {
      let url: URL;
      try {
        url = new URL(link.url.trim());
      } catch {
        throw refuse.unprocessable('evidence.link-not-an-address', { url: link.url });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refuse.unprocessable('evidence.link-not-web');
      return { url: url.href, label: link.label.trim() };
    });
    return { ...fields, title, subRequirementIds, links };
  }
}
