import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { INBOX_SIZE, type InboxEntry, type InboxSource } from '@bt/api/inbox';
import type { ProposalDecision } from '@bt/contracts';
import { hasRole, type Viewer } from '@bt/api/identity';
import { unansweredProposalSql } from './dialogue-access';
import { prepared } from '@bt/api/core';

const DAY = 86_400_000;
/** Items of each kind at most, as many as the inbox answers (INBOX_SIZE). */
const LIMIT = INBOX_SIZE;
const EXCERPT_LENGTH = 120;
const excerpt = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text);

/**
 * The dialogue's part of the inbox: the ministry sees its country's proposals still awaiting an
 * answer, with their age (an entry leaves once answered); a CSO sees the ministry's answers to its
 * organisation's proposals (each new version of an answer is a new entry).
 */
@Injectable()
export class DialogueInboxSource implements InboxSource {
  constructor(private readonly dataSource: DataSource) {}

  async items(viewer: Viewer, now: Date): Promise<InboxEntry[]> {
    const entries: InboxEntry[] = [];
    if (hasRole(viewer, 'ministry') && viewer.countryCode) {
      // The country's unanswered proposals oldest first (proposal_unanswered_idx), stopping at the inbox's size.
      const rows = await prepared(this.dataSource).query<{ id: string; text: string; created_at: Date; code: string; organisation: string }>(
        `SELECT p.id, left(p.text, ${EXCERPT_LENGTH + 1}) AS text, p.created_at, b.code, o.name AS organisation
           FROM proposal p JOIN benchmark b ON b.id = p.benchmark_id
           JOIN app_user u ON u.id = p.author_id JOIN organisation o ON o.id = u.organisation_id
          WHERE p.country_code = $1 AND ${unansweredProposalSql('p')}
            AND b.state IN ('draft', 'submitted', 'peerReview')
          ORDER BY p.created_at LIMIT ${LIMIT}`,
        [viewer.countryCode],
      );
      for (const r of rows) {
        const days = Math.floor((now.getTime() - r.created_at.getTime()) / DAY);
        entries.push({
          key: `proposal-unanswered:${r.id}`,
          kind: 'proposal.unanswered',
          facts: { benchmark: r.code, organisation: r.organisation, days },
          title: `${r.code}: a proposal from ${r.organisation} awaits your answer (${days} day${days === 1 ? '' : 's'})`,
          detail: excerpt(r.text),
          link: `/benchmarks/${r.code}?tab=dialogue`,
          at: r.created_at.toISOString(),
        });
      }
    }
    if (hasRole(viewer, 'civil_society')) {
      // The answers to the organisation's proposals (its organisation when answered) newest first, stopping at the inbox's size.
      const rows = await prepared(this.dataSource).query<{
        id: string;
        decision: ProposalDecision;
        created_at: Date;
        text: string;
        code: string;
        revised: boolean;
      }>(
        `SELECT r.id, r.decision, r.created_at, left(p.text, ${EXCERPT_LENGTH + 1}) AS text, b.code,
                EXISTS (SELECT 1 FROM proposal_response e WHERE e.proposal_id = p.id AND e.created_at < r.created_at) AS revised
           FROM proposal_response r JOIN proposal p ON p.id = r.proposal_id JOIN benchmark b ON b.id = p.benchmark_id
          WHERE r.proposer_organisation_id = $1 AND p.hidden_at IS NULL
          ORDER BY r.created_at DESC LIMIT ${LIMIT}`,
        [viewer.organisationId],
      );
      for (const r of rows) {
        entries.push({
          key: `proposal-answered:${r.id}`,
          kind: 'proposal.answered',
          facts: { benchmark: r.code, decision: r.decision, revised: r.revised },
          title: `${r.code}: the ministry ${r.revised ? 'revised its answer' : 'answered'} — ${String(r.decision).replace('_', ' ')}`,
          detail: excerpt(r.text),
          link: `/benchmarks/${r.code}?tab=dialogue`,
          at: r.created_at.toISOString(),
        });
      }
    }
    return entries;
  }
}
