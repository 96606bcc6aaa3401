import { refuse } from '@bt/api/core';

/** A row as the driver gives it. */
export type Row = Record<string, any>;
/** A date column as YYYY-MM-DD (the server's day for a Date). */
export const day = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10));
export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The benchmark of a mission's scope (`row.benchmarks`) named by code or id, or 422. */
export function scopeBenchmark(row: Row, ref: string): string {
  const found = (row.benchmarks as Row[]).find((b) => b.id === ref || b.code === ref);
  if (!found) throw refuse.unprocessable('mission.benchmark-not-in-scope', { ref });
  return found.id;
}
