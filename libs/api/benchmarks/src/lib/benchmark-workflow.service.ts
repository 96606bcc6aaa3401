import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssessmentsService } from '@bt/api/assessments';
import { AuditService } from '@bt/api/audit';
import { inPipelinedTransaction, type PipelinedTransaction, queryPrepared, Refusal, refuse, type Statement, unmetCondition } from '@bt/api/core';
import { takesPart } from '@bt/api/dialogue';
import { type BenchmarkScope, isUuid, recordWorkflowStep } from '@bt/api/catalogue';
import type { AssessmentDto, BenchmarkDetailDto, TransitionRequest, TransitionResultDto } from '@bt/contracts';
import { type Actor, auditActor, hasRole, type Viewer } from '@bt/api/identity';
import { type CurrentMissionJson, currentMissionDto, currentMissionSql, latestMissionSql, MissionPlanningService } from '@bt/api/missions';
import { type BenchmarkDetailRow, DETAIL_COLUMNS, detailOf } from './benchmarks.service';
import { changesRequestedDto, LAST_WORKFLOW_STEP, type LastStep, UNANSWERED_PROPOSAL } from './workflow-steps';
import {
  availableEvents,
  BENCHMARK_MACHINE_VERSION,
  type BenchmarkEvent,
  type BenchmarkFacts,
  benchmarkMachine,
  explainEvent,
  mayFire,
  nextSnapshot,
  peerReviewStage,
  topState,
  type WorkflowActor,
} from '@bt/workflow';

type Snapshot = ReturnType<typeof benchmarkMachine.resolveState>;

/** Today where the server is, as YYYY-MM-DD. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * Moves benchmarks through the workflow machine of libs/workflow. A transition is one transaction:
 * lock the row and check the caller's version, restore the snapshot, gather the facts the guards
 * read, refuse what is not allowed (409 / 403 / 422), compute the next snapshot with XState's pure
 * transition (nextSnapshot), write it with its audit event, commit. It also reads the benchmark page,
 * whose available events come from the same facts; the history and the tasks are BenchmarkHistoryService's
 * and BenchmarkTasksService's.
 */
@Injectable()
export class BenchmarkWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly missions: MissionPlanningService,
    private readonly assessments: AssessmentsService,
  ) {}

  async transition(actor: Actor, benchmarkRef: string, request: TransitionRequest): Promise<TransitionResultDto> {
    // Planning a mission and recording the Commission's assessment are those services' writes, through TypeORM.
    if ((request.event === 'START_PEER_REVIEW' && request.mission) || (request.event === 'ACCEPT' && request.assessment)) {
      return this.dataSource.transaction((em) => this.transitionIn(em, actor, benchmarkRef, request));
    }
    // Any other: two round trips (BEGIN, the lock, the facts; the update, the audit event, COMMIT), the audit chain locked during none.
    return inPipelinedTransaction(this.dataSource, (tx) => this.transitionIn(tx, actor, benchmarkRef, request));
  }

  /**
   * A transition inside a transaction the caller holds (the demo seed runs its steps in one), or in
   * a pipelined transaction, which it commits (no mission to plan, no assessment to record).
   */
  async transitionIn(em: EntityManager | PipelinedTransaction, actor: Actor, benchmarkRef: string, request: TransitionRequest): Promise<TransitionResultDto> {
    const row = await loadWorkflowRow(sender(em), benchmarkRef, true);
    const scope = row.scope;
    if (row.version !== request.version) {
      throw refuse.conflict('benchmark.changed-meanwhile', { current: row.version, sent: request.version });
    }
    const snapshot = restore(row.snapshot, scope.state);
    const event = { ...payloadOf(request), type: request.event, facts: row.facts } as BenchmarkEvent;
    const explanation = explainEvent(snapshot.value, event);
    if (!explanation.handled) throw refuse.conflict('benchmark.not-possible-now', { event: request.event, state: describe(snapshot.value) });
    const notYours = mayFire(actorOf(actor, row), request.event, scope.countryCode);
    if (notYours) throw new Refusal(HttpStatus.FORBIDDEN, notYours);
    if (explanation.unmet) throw unmetCondition(request.event, explanation.unmet);

    const next = nextSnapshot(benchmarkMachine, snapshot, event);
    const data: Record<string, unknown> = { event: request.event, from: describe(snapshot.value), to: describe(next.value), version: row.version + 1 };
    if (request.comment) data['comment'] = request.comment.trim();
    if (request.justification) data['comment'] = request.justification.trim();
    if (request.event === 'START_PEER_REVIEW' && request.mission) {
      data['missionId'] = await this.missions.plan(entityManager(em), scope.id, request.mission, actor.userId);
    }
    if (request.event === 'ACCEPT' && request.assessment) {
      // The Commission's assessment, in the same transaction as the acceptance.
      const a = request.assessment;
      const saved = await this.assessments.insert(entityManager(em), actor, scope.id, 'commission', { ...a, period: a.period ?? today().slice(0, 4) });
      data['assessment'] = { id: saved.id, period: saved.period, preparation: a.preparation, progress: a.progress };
    }
    // The benchmark row is the catalogue's: its statement records the step.
    const update = recordWorkflowStep(scope.id, topState(next.value), JSON.stringify(benchmarkMachine.getPersistedSnapshot(next)), BENCHMARK_MACHINE_VERSION);
    const recorded = auditActor(actor);
    const record = { action: `benchmark.${request.event}`, entityType: 'benchmark', entityId: scope.id, data };
    if (em instanceof EntityManager) {
      await em.query(update.text, update.values as unknown[]);
      await this.audit.record(em, recorded, record);
    } else {
      // The audit event last, with COMMIT: the chain lock it takes is held for no round trip.
      await em.commit([update, this.audit.appendStatement(recorded, record)]);
    }
    return { state: topState(next.value), stage: peerReviewStage(next.value), version: row.version + 1 };
  }

  /** A benchmark's page for this caller, by id or code, in one statement: the catalogue, the workflow, the mission, the latest assessment. */
  async page(viewer: Viewer | null, benchmarkRef: string): Promise<BenchmarkDetailDto> {
    const row = await loadWorkflowRow(preparedSender(this.dataSource), benchmarkRef, false, true);
    const scope = row.scope;
    if (!row.page) throw new Error('the benchmark page was not read');
    const benchmark = detailOf(row.page.row);
    const snapshot = restore(row.snapshot, scope.state);
    const stage = peerReviewStage(snapshot.value);
    if (!viewer) return { ...benchmark, stage, allowedEvents: [], availableEvents: [], mission: null, latestAssessment: null, changesRequested: null };
    const actor = actorOf(viewer, row);
    const available = availableEvents(snapshot.value, actor, scope.countryCode, row.facts);
    const seesMission = hasRole(viewer, 'commission') || actor.assignedExpert || (hasRole(viewer, 'ministry') && viewer.countryCode === scope.countryCode);
    return {
      ...benchmark,
      stage,
      allowedEvents: available.filter((e) => e.enabled).map((e) => e.type),
      availableEvents: available,
      mission: seesMission ? currentMissionDto(row.page?.mission ?? null, hasRole(viewer, 'commission') || actor.assignedExpert) : null,
      // The Commission's assessment as the assessments lib publishes it: to whoever takes part, to everyone once accepted.
      latestAssessment:
        takesPart(viewer, scope, actor.assignedExpert) || scope.state === 'accepted' ? latestAssessmentDto(row.page?.latestAssessment ?? null) : null,
      // The Commission's reason, on the page while the draft waits for the changes (the history shows it to the same people).
      changesRequested: takesPart(viewer, scope, actor.assignedExpert) ? changesRequestedDto(scope.state, row.page?.lastStep ?? null) : null,
    };
  }
}

/** What the guards need of the benchmark's latest mission: its dates, whether it has a report, its experts. */
const LATEST_MISSION_FACTS = latestMissionSql(
  'b.id',
  `json_build_object('startDate', m.start_date, 'endDate', m.end_date, 'hasReport', m.report_file_id IS NOT NULL,
     'experts', (SELECT coalesce(json_agg(x.user_id), '[]') FROM mission_expert x WHERE x.mission_id = m.id))`,
);
/** The first words of a proposal, to name it in a refusal. */
const EXCERPT = `CASE WHEN length(p.text) > 80 THEN left(p.text, 79) || '…' ELSE p.text END`;

interface WorkflowRow {
  scope: BenchmarkScope;
  version: number;
  snapshot: { value: unknown } | null;
  facts: BenchmarkFacts;
  missionExpertIds: string[];
  /** Read for the benchmark page only: the whole row (DETAIL_COLUMNS), its latest mission, the Commission's latest assessment and the last workflow step. */
  page?: { row: BenchmarkDetailRow; mission: CurrentMissionJson | null; latestAssessment: Record<string, unknown> | null; lastStep: LastStep | null };
}

/** The Commission's latest assessment of benchmark `b`, as one JSON value (`latestAssessmentDto` reads it). */
const LATEST_COMMISSION_ASSESSMENT = `(SELECT json_build_object('id', s.id, 'voice', s.voice, 'organisation', o.name, 'organisationId', s.organisation_id, 'period', s.period,
         'preparation', s.preparation, 'progress', s.progress, 'text', s.text, 'author', u.display_name, 'createdAt', s.created_at)
    FROM assessment s JOIN app_user u ON u.id = s.author_id JOIN organisation o ON o.id = s.organisation_id
   WHERE s.benchmark_id = b.id AND s.voice = 'commission' ORDER BY s.created_at DESC LIMIT 1)`;

function latestAssessmentDto(a: Record<string, unknown> | null): AssessmentDto | null {
  return a ? { ...(a as unknown as AssessmentDto), createdAt: new Date(a['createdAt'] as string).toISOString() } : null;
}

/** The facts statement's row: the benchmark, what its guards count, its mission's facts; and the page's columns (DETAIL_COLUMNS) when read for it. */
type WorkflowFactsRow = Pick<BenchmarkDetailRow, 'id' | 'code' | 'country_code' | 'state' | 'version' | 'snapshot'> &
  Partial<BenchmarkDetailRow> & {
    mission_required: boolean;
    shared_evidence: number;
    unanswered_proposals: { count: number; excerpts: string[] };
    mission: { startDate: string; endDate: string; hasReport: boolean; experts: string[] } | null;
    page_mission?: CurrentMissionJson | null;
    page_assessment?: Record<string, unknown> | null;
    page_last_step?: LastStep | null;
  };

/** Sends statements in order and answers each one's rows: one by one through TypeORM, or as one batch of a pipelined transaction. */
type Send = <R extends object>(statements: Statement[]) => Promise<R[][]>;

function sender(em: EntityManager | PipelinedTransaction): Send {
  if (!(em instanceof EntityManager)) return (statements) => em.query(statements);
  return async <R extends object>(statements: Statement[]) => {
    const results: R[][] = [];
    for (const s of statements) results.push(await em.query<R[]>(s.text, s.values as unknown[]));
    return results;
  };
}

/** Sends each statement outside a transaction, prepared on its connection (a read). */
function preparedSender(dataSource: DataSource): Send {
  return async <R extends object>(statements: Statement[]) => {
    const results: R[][] = [];
    for (const s of statements) results.push(await queryPrepared<R>(dataSource, s));
    return results;
  };
}

function entityManager(em: EntityManager | PipelinedTransaction): EntityManager {
  if (em instanceof EntityManager) return em;
  throw new Error('a transition that plans a mission or records an assessment runs in a TypeORM transaction');
}

/**
 * The benchmark with everything the guards read. `lock` takes the row lock of a transition first,
 * in its own statement: a statement that waits for the lock still reads with the snapshot it began
 * with, so counting in the locking statement would miss a proposal or evidence committed while it
 * waited (a SUBMIT slipping past a proposal posted at the same moment).
 */
async function loadWorkflowRow(send: Send, idOrCode: string, lock: boolean, page = false): Promise<WorkflowRow> {
  const by = isUuid(idOrCode) ? 'id' : 'code';
  const where = `b.${by} = $1`;
  // Locked first, read after: a writer that held the row (a proposal, evidence) has committed by the
  // time the facts are counted, which one statement with FOR UPDATE would count from before the wait.
  // (In a pipelined transaction both go in one batch, still two statements.) Named, so prepared, except
  // when sent through TypeORM (the demo seed's transaction).
  const locking: Statement[] = lock
    ? [{ name: `bt_workflow_lock_${by}`, text: `SELECT b.id FROM benchmark b WHERE ${where} FOR UPDATE OF b`, values: [idOrCode] }]
    : [];
  const results = await send<WorkflowFactsRow>([
    ...locking,
    {
      name: page ? `bt_benchmark_page_${by}` : `bt_workflow_facts_${by}`,
      text: `SELECT b.id, b.code, a.country_code, b.state, b.version, b.snapshot, b.mission_required,
            (SELECT count(*)::int FROM evidence e WHERE e.benchmark_id = b.id AND e.visibility IN ('shared', 'public')) AS shared_evidence,
            (SELECT json_build_object('count', count(*)::int, 'excerpts', coalesce((array_agg(${EXCERPT} ORDER BY p.created_at))[1:5], '{}'))
               FROM proposal p WHERE ${UNANSWERED_PROPOSAL}) AS unanswered_proposals,
            ${LATEST_MISSION_FACTS} AS mission
            ${page ? `, ${DETAIL_COLUMNS}, ${currentMissionSql('b.id')} AS page_mission, ${LATEST_COMMISSION_ASSESSMENT} AS page_assessment, ${LAST_WORKFLOW_STEP} AS page_last_step` : ''}
       FROM benchmark b JOIN area a ON a.id = b.area_id
      WHERE ${where}`,
      values: [idOrCode],
    },
  ]);
  const [row] = results[results.length - 1];
  if (!row) throw refuse.notFound('benchmark.not-found', { ref: idOrCode });
  const mission = row.mission;
  return {
    scope: { id: row.id, code: row.code, countryCode: row.country_code.trim(), state: row.state, version: row.version },
    version: row.version,
    snapshot: row.snapshot,
    facts: {
      sharedEvidenceCount: row.shared_evidence,
      unansweredProposalCount: row.unanswered_proposals.count,
      unansweredProposals: row.unanswered_proposals.excerpts,
      mission: mission && { startDate: mission.startDate, endDate: mission.endDate, expertCount: mission.experts.length, hasReport: mission.hasReport },
      missionRequired: row.mission_required,
      today: today(),
    },
    missionExpertIds: mission?.experts ?? [],
    page: page
      ? {
          row: row as BenchmarkDetailRow,
          mission: row.page_mission ?? null,
          latestAssessment: row.page_assessment ?? null,
          lastStep: row.page_last_step ?? null,
        }
      : undefined,
  };
}

function actorOf(viewer: Viewer, row: WorkflowRow): WorkflowActor {
  return {
    roles: viewer.roles,
    coordinator: viewer.coordinator,
    countryCode: viewer.countryCode,
    assignedExpert: row.missionExpertIds.includes(viewer.userId),
  };
}

function restore(persisted: { value: unknown } | null, state: string): Snapshot {
  return benchmarkMachine.resolveState({ value: (persisted?.value ?? state) as Snapshot['value'], context: {} });
}

function payloadOf(request: TransitionRequest): Record<string, unknown> {
  return { comment: request.comment, justification: request.justification, assessment: request.assessment, mission: request.mission };
}

function describe(value: Snapshot['value']): string {
  const stage = peerReviewStage(value);
  return stage ? `peerReview.${stage}` : topState(value);
}
