import { Injectable } from '@nestjs/common';
import { DemoSeeder } from '@bt/api/audit';
import type { AssistanceInstrument, AssistanceStatus, ParticipantRole } from '@bt/contracts';

interface DemoAssistanceFile {
  projects: {
    /** The source document in seeds/sources the facts come from. */
    source: string;
    country: string;
    title: string;
    description: string;
    instrument: AssistanceInstrument;
    status: AssistanceStatus | null;
    plannedStart: string | null;
    plannedEnd: string | null;
    actualStart: string | null;
    actualEnd: string | null;
    objectives: string[];
    components: string[];
    expectedResults: string[];
    achievedResults: string[];
    participants: { name: string; role: ParticipantRole }[];
    supports: { benchmark: string; subRequirement?: string; how: string }[];
  }[];
}

/**
 * The three assistance projects of seeds/demo/assistance.json, with the facts their source documents
 * state (seeds/sources/002–004) and nothing more: no budget or date a document does not give. On an
 * empty table, never in production.
 */
@Injectable()
export class AssistanceDemoService {
  constructor(private readonly demo: DemoSeeder) {}

  seedIfEmpty(seedsDir: string): Promise<boolean> {
    const created = (file: DemoAssistanceFile) => `demo assistance projects created: ${file.projects.length}`;
    return this.demo.seedFile(seedsDir, { file: 'assistance.json', lock: 'demo-assistance', table: 'assistance_project', created }, async (file, em, names) => {
      if (!(await names.benchmark(file.projects[0].supports[0].benchmark))) return null;
      for (const p of file.projects) {
        const [project] = await em.query<{ id: string }[]>(
          `INSERT INTO assistance_project (country_code, title, description, instrument, status, planned_start, planned_end, actual_start, actual_end,
             objectives, components, expected_results, achieved_results)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [
            p.country,
            p.title,
            p.description,
            p.instrument,
            p.status,
            p.plannedStart,
            p.plannedEnd,
            p.actualStart,
            p.actualEnd,
            p.objectives,
            p.components,
            p.expectedResults,
            p.achievedResults,
          ],
        );
        for (const [position, o] of p.participants.entries()) {
          await em.query(`INSERT INTO assistance_participant (project_id, position, name, role) VALUES ($1, $2, $3, $4)`, [
            project.id,
            position,
            o.name,
            o.role,
          ]);
        }
        for (const [position, l] of p.supports.entries()) {
          await em.query(
            `INSERT INTO assistance_link (project_id, position, benchmark_id, sub_requirement_id, how)
             SELECT $1, $2, b.id, s.id, $5 FROM benchmark b LEFT JOIN sub_requirement s ON s.benchmark_id = b.id AND s.code = $4 WHERE b.code = $3`,
            [project.id, position, l.benchmark, l.subRequirement ?? null, l.how],
          );
        }
      }
      return { projects: file.projects.map((p) => `${p.title} (${p.source})`) };
    });
  }
}
