import { ConflictException, ForbiddenException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { findBenchmarkScope } from '@bt/api/catalogue';
import type { CreateProposalRequest, ProposalDto, ProposalResponseRequest } from '@bt/contracts';
import { isMissionExpert } from '@bt/api/missions';
import { actorOfViewer, hasRole, type Viewer } from '@bt/api/identity';
import { mayPropose, OPEN_FOR_INPUT, seesDialogue } from './dialogue-access';

/** Civil-society proposals on a benchmark and the ministry's reasoned answers (minimal form: SUBMIT's guard reads it). */
@Injectable()
export class ProposalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(viewer: Viewer, benchmarkRef: string, request: CreateProposalRequest, ip: string): Promise<ProposalDto> {
    const id = await this.dataSource.transaction(async (em) => {
      const scope = await findBenchmarkScope(em, benchmarkRef, true);
      const missionExpert = await isMissionExpert(em, scope.id, viewer.userId);
      if (!seesDialogue(viewer, scope, missionExpert)) throw new NotFoundException(`No benchmark ${benchmarkRef}`);
      if (!mayPropose(viewer, scope)) throw new ForbiddenException("Proposals come from the civil society of the benchmark's country.");
      if (!OPEN_FOR_INPUT.includes(scope.state)) throw new ConflictException('The benchmark is accepted: its dialogue is closed.');
      const text = request.text.trim();
      if (!text) throw new UnprocessableEntityException('text must not be empty');
      const [row] = await em.query(`INSERT INTO proposal (benchmark_id, text, author_id) VALUES ($1, $2, $3) RETURNING id`, [scope.id, text, viewer.userId]);
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'proposal.created', entityType: 'benchmark', entityId: scope.id, data: { proposalId: row.id } });
      return row.id as string;
    });
    return this.one(id);
  }

  /** A new answer; earlier answers stay, so nothing is silently rewritten. */
  async respond(viewer: Viewer, proposalId: string, request: ProposalResponseRequest, ip: string): Promise<ProposalDto> {
    await this.dataSource.transaction(async (em) => {
      const [proposal] = await em.query(`SELECT benchmark_id FROM proposal WHERE id = $1`, [proposalId]);
      if (!proposal) throw new NotFoundException(`No proposal ${proposalId}`);
      const scope = await findBenchmarkScope(em, proposal.benchmark_id, true);
      if (!seesDialogue(viewer, scope, await isMissionExpert(em, scope.id, viewer.userId))) throw new NotFoundException(`No proposal ${proposalId}`);
      if (!hasRole(viewer, 'ministry') || viewer.countryCode !== scope.countryCode) throw new ForbiddenException("The ministry of the benchmark's country answers proposals.");
      if (!OPEN_FOR_INPUT.includes(scope.state)) throw new ConflictException('The benchmark is accepted: its dialogue is closed.');
      const reasoning = request.reasoning.trim();
      if (!reasoning) throw new UnprocessableEntityException('reasoning must not be empty: every answer gives its reasons');
      await em.query(`INSERT INTO proposal_response (proposal_id, decision, reasoning, author_id) VALUES ($1, $2, $3, $4)`, [proposalId, request.decision, reasoning, viewer.userId]);
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'proposal.answered', entityType: 'benchmark', entityId: scope.id, data: { proposalId, decision: request.decision } });
    });
    return this.one(proposalId);
  }

  async list(viewer: Viewer | null, benchmarkRef: string): Promise<ProposalDto[]> {
    const em = this.dataSource.manager;
    const scope = await findBenchmarkScope(em, benchmarkRef);
    const missionExpert = viewer ? await isMissionExpert(em, scope.id, viewer.userId) : false;
    if (!seesDialogue(viewer, scope, missionExpert)) throw new NotFoundException(`No dialogue on benchmark ${benchmarkRef} for you`);
    return this.query(em, 'p.benchmark_id = $1', [scope.id]);
  }


  private async one(id: string): Promise<ProposalDto> {
    const [proposal] = await this.query(this.dataSource.manager, 'p.id = $1', [id]);
    return proposal;
  }

  private async query(em: EntityManager, where: string, values: unknown[]): Promise<ProposalDto[]> {
    const rows = await em.query(
      `SELECT p.id, p.benchmark_id, p.text, p.created_at, u.display_name, o.name AS organisation,
              coalesce((SELECT json_agg(json_build_object('decision', r.decision, 'reasoning', r.reasoning, 'author', ru.display_name, 'createdAt', r.created_at) ORDER BY r.created_at)
                          FROM proposal_response r JOIN app_user ru ON ru.id = r.author_id WHERE r.proposal_id = p.id), '[]') AS answers
         FROM proposal p JOIN app_user u ON u.id = p.author_id JOIN organisation o ON o.id = u.organisation_id
        WHERE ${where} ORDER BY p.created_at`,
      values,
    );
    return rows.map((r: Record<string, any>) => {
      const answers = (r.answers as ProposalDto['answers']).map((a) => ({ ...a, createdAt: new Date(a.createdAt).toISOString() }));
      return { id: r.id, benchmarkId: r.benchmark_id, text: r.text, author: r.display_name, organisation: r.organisation, createdAt: new Date(r.created_at).toISOString(), answer: answers.at(-1) ?? null, answers };
    });
  }
}
