import { missionExpertSql } from '@bt/api/missions';
import type { BenchmarkScope } from '@bt/api/catalogue';
import { hasRole, type Viewer } from '@bt/api/identity';

/*
 * Who reads and writes a country's own records on a benchmark — its track records and its Action
 * Plan: the ministry of the country writes; the Commission reads everything (and may add
 * corrective measures); the country's civil society reads; an expert reads the benchmarks of their
 * missions. Nobody else, the public included, sees them (a benchmark they may not read is a 404).
 */

export function readsCountryRecords(viewer: Viewer, scope: Pick<BenchmarkScope, 'countryCode'>, missionExpert: boolean): boolean {
  if (hasRole(viewer, 'commission')) return true;
  if (viewer.countryCode === scope.countryCode && hasRole(viewer, 'ministry', 'civil_society')) return true;
  return hasRole(viewer, 'expert') && missionExpert;
}

export function writesCountryRecords(viewer: Viewer, scope: Pick<BenchmarkScope, 'countryCode'>): boolean {
  return hasRole(viewer, 'ministry') && viewer.countryCode === scope.countryCode;
}

/**
 * The same reading rule as a SQL condition over a benchmark (`benchmarkId`) of a country
 * (`countryCode`), for lists: `$n` placeholders start at `firstParam`.
 */
export function countryRecordsVisibleSql(viewer: Viewer, benchmarkId: string, countryCode: string, firstParam: number): { sql: string; params: unknown[] } {
  const commission = hasRole(viewer, 'commission');
  const ownCountry = hasRole(viewer, 'ministry', 'civil_society') ? viewer.countryCode : null;
  const expert = hasRole(viewer, 'expert') ? viewer.userId : null;
  const [p1, p2, p3] = [firstParam, firstParam + 1, firstParam + 2];
  return {
    sql: `($${p1}::boolean OR ${countryCode} = $${p2}::text
          OR ${missionExpertSql(benchmarkId, `$${p3}::uuid`)})`,
    params: [commission, ownCountry, expert],
  };
}
