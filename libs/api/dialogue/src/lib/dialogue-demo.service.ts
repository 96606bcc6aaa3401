import { Injectable } from '@nestjs/common';
import { DemoSeeder } from '@bt/api/audit';
import type { ProposalDecision } from '@bt/contracts';

interface DemoDialogueFile {
  proposals: {
    benchmark: string;
    author: string;
    /** The title of a demo evidence item of the same benchmark the proposal is about. */
    evidence?: string;
    daysAgo: number;
    text: string;
    answer: { author: string; decision: ProposalDecision; daysAgo: number; reasoning: string };
    replies?: { author: string; daysAgo: number; text: string }[];
  }[];
}

/**
 * The civil-society dialogue of seeds/demo/dialogue.json, on an empty table, never in production:
 * proposals answered with reasons some days after they were made (so the consideration figures
 * have a median) and a reply. Every demo proposal is answered: none blocks a SUBMIT.
 */
@Injectable()
export class DialogueDemoService {
  constructor(private readonly demo: DemoSeeder) {}

  seedIfEmpty(seedsDir: string): Promise<boolean> {
    const created = (file: DemoDialogueFile) => `demo dialogue created: ${file.proposals.length} answered proposals`;
    return this.demo.seedFile(seedsDir, { file: 'dialogue.json', lock: 'demo-dialogue', table: 'proposal', created }, async (file, em, names) => {
      const people = file.proposals.flatMap((p) => [p.author, p.answer.author, ...(p.replies ?? []).map((r) => r.author)]);
      const ids = new Map<string, string | null>();
      for (const email of people) ids.set(email, await names.user(email));
      if ([...ids.values()].some((id) => !id)) return null;
      const seededProposals: string[] = [];
      for (const p of file.proposals) {
        const benchmark = await names.benchmark(p.benchmark);
        if (!benchmark) continue;
        const [anchor] = p.evidence ? await em.query(`SELECT id FROM evidence WHERE benchmark_id = $1 AND title = $2`, [benchmark, p.evidence]) : [];
        const [proposal] = await em.query(
          `INSERT INTO proposal (benchmark_id, kind, evidence_id, text, author_id, created_at) VALUES ($1, 'proposal', $2, $3, $4, now() - make_interval(days => $5)) RETURNING id`,
          [benchmark, anchor?.id ?? null, p.text, ids.get(p.author), p.daysAgo],
        );
        await em.query(
          `INSERT INTO proposal_response (proposal_id, decision, reasoning, author_id, created_at) VALUES ($1, $2, $3, $4, now() - make_interval(days => $5))`,
          [proposal.id, p.answer.decision, p.answer.reasoning, ids.get(p.answer.author), p.answer.daysAgo],
        );
        for (const r of p.replies ?? []) {
          await em.query(
            `INSERT INTO proposal (benchmark_id, kind, parent_id, text, author_id, created_at) VALUES ($1, 'comment', $2, $3, $4, now() - make_interval(days => $5))`,
            [benchmark, proposal.id, r.text, ids.get(r.author), r.daysAgo],
          );
        }
        seededProposals.push(`${p.benchmark}: ${p.answer.decision}`);
      }
      return { proposals: seededProposals };
    });
  }
}
