import { refuse, type Statement } from '@bt/api/core';
import type { EntityManager } from 'typeorm';
import type { BenchmarkState } from '@bt/workflow';
import { isUuid } from './benchmark-ref.pipe';

/** What other domains need to know about a benchmark: its country and where it stands. */
export interface BenchmarkScope {
  id: string;
  code: string;
  countryCode: string;
  state: BenchmarkState;
  version: number;
}

/** By id or code; 404 when there is none. `lock` takes the row lock a transition takes, for writes that depend on the state. */
export async function findBenchmarkScope(em: EntityManager, idOrCode: string, lock = false): Promise<BenchmarkScope> {
  const [row] = await em.query(
    `SELECT b.id, b.code, a.country_code, b.state, b.version FROM benchmark b JOIN area a ON a.id = b.area_id
      WHERE ${isUuid(idOrCode) ? 'b.id = $1' : 'b.code = $1'} ${lock ? 'FOR SHARE OF b' : ''}`,
    [idOrCode],
  );
  if (!row) throw refuse.notFound('benchmark.not-found', { ref: idOrCode });
  return { id: row.id, code: row.code, countryCode: row.country_code.trim(), state: row.state, version: row.version };
}

/**
 * The one change another domain makes to a catalogue benchmark: the workflow's step (the benchmarks
 * library's transitions, inside their transaction) — the new state, the machine's persisted
 * snapshot and the machine version that wrote it, and the row version every writer checks. The
 * statement is prepared once per connection under its name, in an ordinary or a pipelined transaction.
 */
export function recordWorkflowStep(benchmarkId: string, state: BenchmarkState, snapshot: string, machineVersion: number): Statement {
  return {
    name: 'bt_workflow_update',
    text: `UPDATE benchmark SET state = $2, snapshot = $3, machine_version = $4, version = version + 1, updated_at = now() WHERE id = $1`,
    values: [benchmarkId, state, snapshot, machineVersion],
  };
}
