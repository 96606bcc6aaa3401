import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { findBenchmarkScope } from '@bt/api/catalogue';
import { type Actor, auditActor } from '@bt/api/identity';
import { isMissionExpert } from '@bt/api/missions';
import { readsCountryRecords, writesCountryRecords } from '@bt/api/track-records';
import type { ActionActivityDto, CreateActivityRequest, UpdateActivityRequest } from '@bt/contracts';
import { type ActivityRow, setList } from './action-plan-rows';
import { ActionPlanService } from './action-plan.service';
import { budgetOf } from './activity-budget';

/** The Action Plan's activities: a new one on a benchmark, and changes at the version the caller saw (the ministry of the benchmark's country). */
@Injectable()
export class ActionPlanActivitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly actionPlan: ActionPlanService,
  ) {}

  async create(actor: Actor, benchmarkRef: string, request: CreateActivityRequest): Promise<ActionActivityDto> {
    return this.dataSource.transaction(async (em) => {
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      if (!readsCountryRecords(actor, scope, await isMissionExpert(em, scope.id, actor.userId)))
        throw refuse.notFound('benchmark.not-found', { ref: benchmarkRef });
      if (!writesCountryRecords(actor, scope)) throw refuse.forbidden('action-plan.only-ministry-plans');
      const budget = budgetOf(request.budgetAmount, request.budgetCurrency, request.budgetSource);
      if (budget === 'partial') throw refuse.unprocessable('action-plan.budget-partial');
      const title = request.title.trim();
      const institution = request.responsibleInstitution.trim();
      if (!title || !institution) throw refuse.unprocessable('action-plan.title-or-institution-empty');
      const [row] = await em.query<{ id: string }[]>(
        `INSERT INTO action_activity (benchmark_id, code, title, responsible_institution, deadline, budget_amount, budget_currency, budget_source, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (benchmark_id, code) DO NOTHING RETURNING id`,
        [
          scope.id,
          request.code,
          title,
          institution,
          request.deadline,
          budget?.[0] ?? null,
          budget?.[1] ?? null,
          budget?.[2] ?? null,
          request.status ?? 'planned',
          actor.userId,
        ],
      );
      if (!row) throw refuse.conflict('action-plan.activity-code-taken', { code: request.code });
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.activity-created',
        entityType: 'benchmark',
        entityId: scope.id,
        data: {
          activityId: row.id,
          code: request.code,
          title,
          responsibleInstitution: institution,
          deadline: request.deadline,
          status: request.status ?? 'planned',
          budget,
        },
      });
      return this.actionPlan.one(em, row.id);
    });
  }

  async update(actor: Actor, id: string, request: UpdateActivityRequest): Promise<ActionActivityDto> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.actionPlan.activityFor(em, actor, id, 'ministry');
      if (before.version !== request.version)
        throw refuse.conflict('action-plan.activity-changed-meanwhile', { current: before.version, sent: request.version });
      const changes: Partial<Record<keyof ActivityRow, unknown>> = {};
      if (request.title !== undefined) changes.title = request.title.trim();
      if (request.responsibleInstitution !== undefined) changes.responsible_institution = request.responsibleInstitution.trim();
      if (request.deadline !== undefined) changes.deadline = request.deadline;
      if (request.status !== undefined) changes.status = request.status;
      if (request.budgetAmount !== undefined || request.budgetCurrency !== undefined || request.budgetSource !== undefined) {
        const budget = budgetOf(
          request.budgetAmount ?? (before.budget_amount === null ? undefined : Number(before.budget_amount)),
          request.budgetCurrency ?? before.budget_currency ?? undefined,
          request.budgetSource ?? before.budget_source ?? undefined,
        );
        if (budget === 'partial') throw refuse.unprocessable('action-plan.budget-partial');
        Object.assign(changes, { budget_amount: budget?.[0] ?? null, budget_currency: budget?.[1] ?? null, budget_source: budget?.[2] ?? null });
      }
      if (Object.values(changes).some((v) => v === '')) throw refuse.unprocessable('action-plan.title-or-institution-empty');
      const columns = Object.keys(changes) as (keyof ActivityRow)[];
      await em.query(`UPDATE action_activity SET ${setList(changes)}${columns.length ? ', ' : ''}version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
        ...Object.values(changes),
      ]);
      const changed = Object.fromEntries(
        columns.map((c) => [c, { from: c === 'budget_amount' && before[c] !== null ? Number(before[c]) : before[c], to: changes[c] }]),
      );
      await this.audit.record(em, auditActor(actor), {
        action: 'action-plan.activity-updated',
        entityType: 'benchmark',
        entityId: before.benchmark_id,
        data: { activityId: id, code: before.code, version: before.version + 1, changed },
      });
      return this.actionPlan.one(em, id);
    });
  }
}
