import type { EntityManager } from 'typeorm';
import { rows, type Sql, sql } from '@bt/api/core';

/**
 * SQL that is true when the user (a parameter) is an expert of a mission whose scope holds the
 * benchmark (an SQL expression): the scope an expert sees. Use it in queries instead of
 * `mission.benchmark_id`, which names only the benchmark whose workflow planned a mission.
 */
export function missionExpertSql(benchmark: string, user: string): string {
  return missionExpert(sql.raw(benchmark), sql.raw(user)).text;
}

/** The same rule as an `sql` fragment: `user` a value (a parameter) or a fragment. */
export function missionExpert(benchmark: Sql, user: unknown): Sql {
  return sql`EXISTS (SELECT 1 FROM mission_benchmark mb JOIN mission_expert x ON x.mission_id = mb.mission_id WHERE mb.benchmark_id = ${benchmark} AND x.user_id = ${user})`;
}

/** Whether the user is an expert of a mission on this benchmark: the scope an expert sees. */
export async function isMissionExpert(em: EntityManager, benchmarkId: string, userId: string): Promise<boolean> {
  const [row] = await rows<{ expert: boolean }>(em, sql`SELECT ${missionExpert(sql`${benchmarkId}::uuid`, sql`${userId}::uuid`)} AS expert`);
  return row.expert;
}

/**
 * The benchmark's latest mission (`m`, the latest planned of those whose scope holds the benchmark,
 * an SQL expression) as one value of `columns`: the one rule of "the benchmark's mission" that the
 * benchmark page and the workflow's facts share. `joins` may join more to `m`.
 */
export function latestMissionSql(benchmark: string, columns: string, joins = ''): string {
  return `(SELECT ${columns} FROM mission m JOIN mission_benchmark mb ON mb.mission_id = m.id ${joins}
            WHERE mb.benchmark_id = ${benchmark} ORDER BY m.created_at DESC LIMIT 1)`;
}
