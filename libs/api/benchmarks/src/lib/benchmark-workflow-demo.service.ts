import { Injectable, Logger } from '@nestjs/common';
import { DemoSeeder } from '@bt/api/audit';
import { actingFrom, SessionService, type Viewer } from '@bt/api/identity';
import type { TransitionRequest } from '@bt/contracts';
import { BenchmarkWorkflowService } from './benchmark-workflow.service';

interface DemoWorkflowFile {
  benchmarks: { benchmark: string; steps: ({ by: string } & Omit<TransitionRequest, 'version'>)[] }[];
}

/**
 * Where the workflow stands in the demo (seeds/demo/workflow.json): each step fired through the
 * workflow itself — its guards, roles and audit events — in the name of the demo account that takes
 * it, all in one transaction; only on a catalogue nobody has moved yet, never in production.
 */
@Injectable()
export class BenchmarkWorkflowDemoService {
  private readonly logger = new Logger('WorkflowDemo');

  constructor(
    private readonly demo: DemoSeeder,
    private readonly sessions: SessionService,
    private readonly workflow: BenchmarkWorkflowService,
  ) {}

  async seedIfEmpty(seedsDir: string): Promise<boolean> {
    const created = (file: DemoWorkflowFile) => `demo workflow: ${file.benchmarks.map((b) => b.benchmark).join(', ')} moved along`;
    try {
      return await this.demo.seedFile(
        seedsDir,
        { file: 'workflow.json', lock: 'demo-workflow', table: 'benchmark', where: `state <> 'draft' OR version > 1`, created },
        async (file, em, names) => {
          // Every account first: a missing one seeds nothing, before anything is written.
          const viewers = new Map<string, Viewer>();
          for (const by of new Set(file.benchmarks.flatMap((b) => b.steps.map((step) => step.by)))) {
            const viewer = await this.sessions.viewerOf(em, by);
            if (!viewer) return null;
            viewers.set(by, viewer);
          }
          const moved: string[] = [];
          for (const b of file.benchmarks) {
            if (!(await names.benchmark(b.benchmark))) continue;
            let version = 1;
            for (const { by, ...step } of b.steps) {
              ({ version } = await this.workflow.transitionIn(em, actingFrom(viewers.get(by) as Viewer, null), b.benchmark, { ...step, version }));
            }
            moved.push(b.benchmark);
          }
          return { benchmarks: moved };
        },
      );
    } catch (error) {
      // A step the workflow refuses (the database holds other content than the demo's) leaves it all undone, and the app starts.
      this.logger.warn(`demo workflow not seeded: ${(error as Error).message}`);
      return false;
    }
  }
}
