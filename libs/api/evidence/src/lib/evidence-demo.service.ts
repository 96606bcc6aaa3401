import { Injectable } from '@nestjs/common';
import { DemoSeeder } from '@bt/api/audit';
import type { EvidenceLinkDto, EvidenceVisibility } from '@bt/contracts';

interface DemoEvidenceFile {
  author: string;
  items: {
    benchmark: string;
    title: string;
    visibility: EvidenceVisibility;
    periodStart: string | null;
    periodEnd: string | null;
    /** How long ago it was written, so that the dialogue on it comes after it. */
    daysAgo: number;
    narrative: string;
    links: EvidenceLinkDto[];
  }[];
}

/** The evidence of seeds/demo/evidence.json (what Serbia reported in 2020, public, shared and one internal item), on an empty table, never in production. */
@Injectable()
export class EvidenceDemoService {
  constructor(private readonly demo: DemoSeeder) {}

  seedIfEmpty(seedsDir: string): Promise<boolean> {
    const created = (file: DemoEvidenceFile) => `demo evidence created: ${file.items.length} items`;
    return this.demo.seedFile(seedsDir, { file: 'evidence.json', lock: 'demo-evidence', table: 'evidence', created }, async (file, em, names) => {
      const author = await names.user(file.author);
      if (!author) return null;
      for (const e of file.items) {
        const benchmark = await names.benchmark(e.benchmark);
        if (!benchmark) continue;
        // The item and its first version, written at the same moment in the past.
        await em.query(
          `WITH item AS (
             INSERT INTO evidence (benchmark_id, title, narrative, visibility, period_start, period_end, links, author_id, updated_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, now() - make_interval(days => $9), now() - make_interval(days => $9)) RETURNING *)
           INSERT INTO evidence_version (evidence_id, version, title, narrative, visibility, period_start, period_end, links, author_id, created_at)
           SELECT id, 1, title, narrative, visibility, period_start, period_end, links, author_id, created_at FROM item`,
          [benchmark, e.title, e.narrative, e.visibility, e.periodStart, e.periodEnd, JSON.stringify(e.links), author, e.daysAgo],
        );
      }
      return { evidence: file.items.map((e) => `${e.benchmark}: ${e.title} (${e.visibility})`) };
    });
  }
}
