import type { EntityManager } from 'typeorm';

/** Whether the user is an expert of a mission on this benchmark: the scope an expert sees. */
export async function isMissionExpert(em: EntityManager, benchmarkId: string, userId: string): Promise<boolean> {
  const rows = await em.query(`SELECT 1 FROM mission m JOIN mission_expert x ON x.mission_id = m.id WHERE m.benchmark_id = $1 AND x.user_id = $2 LIMIT 1`, [benchmarkId, userId]);
  return rows.length > 0;
}
