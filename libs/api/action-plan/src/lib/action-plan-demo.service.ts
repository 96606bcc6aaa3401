import { Injectable } from '@nestjs/common';
import { DemoSeeder } from '@bt/api/audit';
import type { ActivityStatus } from '@bt/contracts';

interface DemoActionPlanFile {
  author: string;
  activities: {
    benchmark: string;
    code: string;
    status: ActivityStatus;
    deadline: string;
    title: string;
    responsibleInstitution: string;
    budget: { amount: number; currency: string; source: string } | null;
    notes: string[];
    measures?: { what: string; responsible: string; dueDate: string }[];
  }[];
}

/** The Serbian Chapter 24 activities of seeds/demo/action-plan.json (some late, one with a corrective measure), on an empty table, never in production. */
@Injectable()
export class ActionPlanDemoService {
  constructor(private readonly demo: DemoSeeder) {}

  seedIfEmpty(seedsDir: string): Promise<boolean> {
    const created = (file: DemoActionPlanFile) => `demo Action Plan created: ${file.activities.length} activities`;
    return this.demo.seedFile(seedsDir, { file: 'action-plan.json', lock: 'demo-action-plan', table: 'action_activity', created }, async (file, em, names) => {
      const author = await names.user(file.author);
      if (!author) return null;
      for (const a of file.activities) {
        const benchmark = await names.benchmark(a.benchmark);
        if (!benchmark) continue;
        const [activity] = await em.query<{ id: string }[]>(
          `INSERT INTO action_activity (benchmark_id, code, title, responsible_institution, deadline, budget_amount, budget_currency, budget_source, status, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            benchmark,
            a.code,
            a.title,
            a.responsibleInstitution,
            a.deadline,
            a.budget?.amount ?? null,
            a.budget?.currency ?? null,
            a.budget?.source ?? null,
            a.status,
            author,
          ],
        );
        for (const [i, text] of a.notes.entries()) {
          // Notes a few weeks apart, so their order reads as a history.
          await em.query(
            `INSERT INTO activity_progress_note (activity_id, text, author_id, created_at) VALUES ($1, $2, $3, now() - make_interval(days => $4))`,
            [activity.id, text, author, (a.notes.length - i) * 30],
          );
        }
        for (const m of a.measures ?? []) {
          await em.query(
            `INSERT INTO corrective_measure (activity_id, benchmark_id, what, responsible, due_date, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
            [activity.id, benchmark, m.what, m.responsible, m.dueDate, author],
          );
        }
      }
      return { activities: file.activities.map((a) => `${a.benchmark} ${a.code}`) };
    });
  }
}
