import { Injectable } from '@nestjs/common';
import { DemoSeeder } from '@bt/api/audit';
import type { AssessmentVoice } from '@bt/contracts';
import type { PreparationGrade, ProgressGrade } from '@bt/workflow';

type Grades = { preparation: PreparationGrade; progress: ProgressGrade; text: string };

interface DemoAssessmentsFile {
  period: string;
  /** Who speaks in each voice (the organisation is the author's), and when. */
  voices: Record<AssessmentVoice, { author: string; at: string }>;
  /** A voice left out is recorded elsewhere (the Commission's on an accepted benchmark, by its ACCEPT). */
  benchmarks: ({ benchmark: string } & Partial<Record<AssessmentVoice, Grades>>)[];
}

const VOICES: AssessmentVoice[] = ['ministry', 'commission', 'civil_society'];

/** The three voices of seeds/demo/assessments.json (Commission, self-assessment, shadow assessment) for one period, on an empty table, never in production. */
@Injectable()
export class AssessmentsDemoService {
  constructor(private readonly demo: DemoSeeder) {}

  seedIfEmpty(seedsDir: string): Promise<boolean> {
    const created = (file: DemoAssessmentsFile) => `demo assessments created on ${file.benchmarks.length} benchmarks, period ${file.period}`;
    return this.demo.seedFile(seedsDir, { file: 'assessments.json', lock: 'demo-assessments', table: 'assessment', created }, async (file, em, names) => {
      const authors = new Map<AssessmentVoice, string | null>();
      for (const voice of VOICES) authors.set(voice, await names.user(file.voices[voice].author));
      if ([...authors.values()].some((id) => !id)) return null;
      const codes: string[] = [];
      for (const b of file.benchmarks) {
        const benchmark = await names.benchmark(b.benchmark);
        if (!benchmark) continue;
        for (const voice of VOICES) {
          const grades = b[voice];
          if (!grades) continue;
          const { preparation, progress, text } = grades;
          // In the name of the author's organisation, as a recorded assessment is.
          await em.query(
            `INSERT INTO assessment (benchmark_id, voice, period, preparation, progress, text, author_id, organisation_id, created_at)
             SELECT $1, $2, $3, $4, $5, $6, u.id, u.organisation_id, $7 FROM app_user u WHERE u.id = $8`,
            [benchmark, voice, file.period, preparation, progress, text, file.voices[voice].at, authors.get(voice)],
          );
        }
        codes.push(b.benchmark);
      }
      return { period: file.period, benchmarks: codes };
    });
  }
}
