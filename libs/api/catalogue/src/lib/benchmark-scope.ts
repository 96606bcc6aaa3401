import { refuse } from '@bt/api/core';
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
