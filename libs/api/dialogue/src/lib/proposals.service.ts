import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse, rows, type Sql, sql } from '@bt/api/core';
import { type BenchmarkScope, findBenchmarkScope } from '@bt/api/catalogue';
import type { CreateProposalRequest, HideProposalRequest, ProposalAnswerDto, ProposalDto, ProposalListQuery, ProposalResponseRequest } from '@bt/contracts';
import { visibleEvidence } from '@bt/api/evidence';
import { isMissionExpert } from '@bt/api/missions';
import { type Actor, auditActor, hasRole, type Viewer } from '@bt/api/identity';
import { mayAnswer, mayPropose, mayReply, OPEN_FOR_INPUT, seesDialogue } from './dialogue-access';

/**
 * The civil-society dialogue on a benchmark: proposals and comments, threads of replies, and the
 * ministry's reasoned answers (versioned: answering again adds a version, nothing is rewritten).
 * Whoever does not see the dialogue learns nothing about it (404).
 */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(viewer: Actor, benchmarkRef: string, request: CreateProposalRequest): Promise<ProposalDto> {
    const id = await this.dataSource.transaction(async (em) => {
      // A shared lock: the benchmark cannot be submitted or accepted while this proposal is being added.
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      const missionExpert = await isMissionExpert(em, scope.id, viewer.userId);
      // The benchmark is public, so a refusal to post reveals nothing: 403 (the thread itself stays 404 to outsiders).
      const reply = !!request.parentId;
      if (!(reply ? mayReply(viewer, scope) : mayPropose(viewer, scope))) {
        throw refuse.forbidden(reply ? 'dialogue.reply-not-yours' : 'dialogue.proposal-not-yours');
      }
      if (!OPEN_FOR_INPUT.includes(scope.state)) throw refuse.conflict('dialogue.closed');
      const text = request.text.trim();
      if (!text) throw refuse.unprocessable('request.field-empty', { field: 'text' });
      let parentId: string | null = null;
      if (request.parentId) {
        const [parent] = await em.query(`SELECT id, parent_id, benchmark_id FROM proposal WHERE id = $1`, [request.parentId]);
        if (!parent || parent.benchmark_id !== scope.id) throw refuse.unprocessable('dialogue.parent-not-on-benchmark');
        parentId = parent.parent_id ?? parent.id; // threads are one level deep
      }
      if (request.subRequirementId) {
        const [anchor] = await em.query(`SELECT 1 FROM sub_requirement WHERE id = $1 AND benchmark_id = $2`, [request.subRequirementId, scope.id]);
        if (!anchor) throw refuse.unprocessable('dialogue.sub-requirement-not-on-benchmark');
      }
      if (request.evidenceId) {
        // Only evidence the author may see: an internal item is "not on this benchmark" to a CSO.
        const [anchor] = await em.query(`SELECT 1 FROM evidence WHERE id = $1 AND benchmark_id = $2 AND visibility = ANY($3)`, [
          request.evidenceId,
          scope.id,
          visibleEvidence(viewer, scope, missionExpert),
        ]);
        if (!anchor) throw refuse.unprocessable('dialogue.evidence-not-on-benchmark');
      }
      const kind = reply ? 'comment' : (request.kind ?? 'proposal');
      const [row] = await em.query(
        `INSERT INTO proposal (benchmark_id, kind, parent_id, sub_requirement_id, evidence_id, text, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [scope.id, kind, parentId, request.subRequirementId ?? null, request.evidenceId ?? null, text, viewer.userId],
      );
      // The text goes into the audit trail too: a moderator may hide it later, the record keeps it.
      await this.audit.record(em, auditActor(viewer), {
        action: `${kind}.created`,
        entityType: 'benchmark',
        entityId: scope.id,
        data: { proposalId: row.id, kind, parentId, text },
      });
      return row.id as string;
    });
    return this.one(viewer, id);
  }

  /** A new answer; earlier answers stay, so nothing is silently rewritten. */
  async respond(viewer: Actor, proposalId: string, request: ProposalResponseRequest): Promise<ProposalDto> {
    await this.dataSource.transaction(async (em) => {
      const { proposal, scope } = await this.locate(em, viewer, proposalId);
      if (!mayAnswer(viewer, scope)) throw refuse.forbidden('dialogue.answer-not-yours');
      if (!OPEN_FOR_INPUT.includes(scope.state)) throw refuse.conflict('dialogue.closed');
      if (proposal.kind !== 'proposal' || proposal.parent_id) throw refuse.unprocessable('dialogue.answer-only-proposals');
      if (proposal.hidden_at) throw refuse.unprocessable('dialogue.answer-hidden');
      const reasoning = request.reasoning.trim();
      if (!reasoning) throw refuse.unprocessable('dialogue.reasoning-empty');
      const [saved] = await em.query(`INSERT INTO proposal_response (proposal_id, decision, reasoning, author_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
        proposalId,
        request.decision,
        reasoning,
        viewer.userId,
      ]);
      await this.audit.record(em, auditActor(viewer), {
        action: 'proposal.answered',
        entityType: 'benchmark',
        entityId: scope.id,
        data: { proposalId, responseId: saved.id, decision: request.decision },
      });
    });
    return this.one(viewer, proposalId);
  }

  /** A moderator hides an abusive contribution: its text is withheld from everyone, the audit trail keeps it. */
  async hide(viewer: Actor, proposalId: string, request: HideProposalRequest): Promise<ProposalDto> {
    await this.dataSource.transaction(async (em) => {
      const [proposal] = await em.query<{ id: string; benchmark_id: string; text: string; hidden_at: Date | null }[]>(
        `SELECT id, benchmark_id, text, hidden_at FROM proposal WHERE id = $1 FOR UPDATE`,
        [proposalId],
      );
      if (!proposal) throw refuse.notFound('proposal.not-found', { id: proposalId });
      if (!hasRole(viewer, 'admin')) throw refuse.forbidden('dialogue.hide-only-moderator');
      if (proposal.hidden_at) throw refuse.conflict('dialogue.hidden-already');
      const reason = request.reason.trim();
      if (!reason) throw refuse.unprocessable('request.field-empty', { field: 'reason' });
      await em.query(`UPDATE proposal SET hidden_at = now(), hidden_by = $2, hidden_reason = $3 WHERE id = $1`, [proposalId, viewer.userId, reason]);
      await this.audit.record(em, auditActor(viewer), {
        action: 'proposal.hidden',
        entityType: 'benchmark',
        entityId: proposal.benchmark_id,
        data: { proposalId, reason, text: proposal.text },
      });
    });
    return this.one(viewer, proposalId);
  }

  /** The threads on a benchmark, oldest first; `answered` filters the proposals by whether they have an answer. */
  async list(viewer: Viewer | null, benchmarkRef: string, query: ProposalListQuery = {}): Promise<ProposalDto[]> {
    const em = this.dataSource.manager;
    const scope = await findBenchmarkScope(em, benchmarkRef);
    const missionExpert = viewer ? await isMissionExpert(em, scope.id, viewer.userId) : false;
    if (!seesDialogue(viewer, scope, missionExpert)) throw refuse.notFound('dialogue.not-found', { ref: benchmarkRef });
    const all = await this.query(em, sql`p.benchmark_id = ${scope.id}`, visibleEvidence(viewer, scope, missionExpert));
    const threads = threadsOf(all);
    if (query.answered === undefined) return threads;
    const answered = query.answered === 'true';
    return threads.filter((t) => t.kind === 'proposal' && !t.hiddenAt && !!t.answer === answered);
  }

  private async locate(em: EntityManager, viewer: Viewer, proposalId: string): Promise<{ proposal: LocatedProposal; scope: BenchmarkScope }> {
    const [proposal] = await em.query<LocatedProposal[]>(`SELECT id, benchmark_id, kind, parent_id, hidden_at FROM proposal WHERE id = $1`, [proposalId]);
    if (!proposal) throw refuse.notFound('proposal.not-found', { id: proposalId });
    const scope = await findBenchmarkScope(em, proposal.benchmark_id, true);
    if (!seesDialogue(viewer, scope, await isMissionExpert(em, scope.id, viewer.userId))) throw refuse.notFound('proposal.not-found', { id: proposalId });
    return { proposal, scope };
  }

  private async one(viewer: Viewer, id: string): Promise<ProposalDto> {
    const em = this.dataSource.manager;
    const [row] = await em.query<{ benchmark_id: string }[]>(`SELECT benchmark_id FROM proposal WHERE id = $1`, [id]);
    const scope = await findBenchmarkScope(em, row.benchmark_id);
    const [proposal] = await this.query(em, sql`p.id = ${id}`, visibleEvidence(viewer, scope, await isMissionExpert(em, scope.id, viewer.userId)));
    return proposal;
  }

  private async query(em: EntityManager, where: Sql, evidenceVisibility: string[]): Promise<ProposalDto[]> {
    const found = await rows<ProposalRow>(
      em,
      sql`SELECT p.id, p.benchmark_id, p.kind, p.parent_id, p.text, p.hidden_at, p.created_at, u.display_name, o.name AS organisation,
              s.id AS sub_requirement_id, s.code AS sub_requirement_code, e.id AS evidence_id, e.title AS evidence_title,
              coalesce((SELECT json_agg(json_build_object('id', r.id, 'decision', r.decision, 'reasoning', r.reasoning, 'author', ru.display_name, 'createdAt', r.created_at) ORDER BY r.created_at)
                          FROM proposal_response r JOIN app_user ru ON ru.id = r.author_id WHERE r.proposal_id = p.id), '[]') AS answers,
              (SELECT extract(epoch FROM min(r.created_at) - p.created_at) / 86400 FROM proposal_response r WHERE r.proposal_id = p.id) AS days_to_answer
         FROM proposal p JOIN app_user u ON u.id = p.author_id JOIN organisation o ON o.id = u.organisation_id
         LEFT JOIN sub_requirement s ON s.id = p.sub_requirement_id
         LEFT JOIN evidence e ON e.id = p.evidence_id AND e.visibility = ANY(${evidenceVisibility})
        WHERE ${where} ORDER BY p.created_at, p.id`,
    );
    return found.map((r): ProposalDto => {
      const answers = r.answers.map((a) => ({ ...a, createdAt: new Date(a.createdAt).toISOString() }));
      const hidden = !!r.hidden_at;
      return {
        id: r.id,
        benchmarkId: r.benchmark_id,
        kind: r.kind,
        parentId: r.parent_id,
        text: hidden ? null : r.text,
        hiddenAt: r.hidden_at?.toISOString() ?? null,
        author: r.display_name,
        organisation: r.organisation,
        createdAt: r.created_at.toISOString(),
        subRequirement: r.sub_requirement_id ? { id: r.sub_requirement_id, code: r.sub_requirement_code } : null,
        evidence: r.evidence_id ? { id: r.evidence_id, title: r.evidence_title } : null,
        answer: answers.at(-1) ?? null,
        answers,
        daysToAnswer: r.days_to_answer === null ? null : Math.round(Number(r.days_to_answer) * 10) / 10,
        replies: [],
      };
    });
  }
}

/** A proposal as `locate` reads it before a change. */
interface LocatedProposal {
  id: string;
  benchmark_id: string;
  kind: ProposalDto['kind'];
  parent_id: string | null;
  hidden_at: Date | null;
}

/** A contribution as `query` reads it; `answers` is JSON (their `createdAt` ISO text), `days_to_answer` numeric (text). */
interface ProposalRow extends Omit<LocatedProposal, 'hidden_at'> {
  text: string;
  hidden_at: Date | null;
  created_at: Date;
  display_name: string;
  organisation: string;
  /** The anchors' columns are null together (LEFT JOIN): the code and title only when the id is not. */
  sub_requirement_id: string | null;
  sub_requirement_code: string;
  evidence_id: string | null;
  evidence_title: string;
  answers: ProposalAnswerDto[];
  days_to_answer: string | null;
}

/** Contributions (oldest first) as threads: each top-level one with its replies. */
export function threadsOf(contributions: ProposalDto[]): ProposalDto[] {
  const byId = new Map(contributions.filter((c) => !c.parentId).map((c) => [c.id, { ...c, replies: [] as ProposalDto[] }]));
  for (const reply of contributions) if (reply.parentId) byId.get(reply.parentId)?.replies.push(reply);
  return [...byId.values()];
}
