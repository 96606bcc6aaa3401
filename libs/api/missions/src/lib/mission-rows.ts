import { refuse } from '@bt/api/core';
import type { MissionListItemDto, RecommendationDto } from '@bt/contracts';

/** A mission as MISSION_COLUMNS read it (its dates as days, see DATABASE_TYPES; scope and experts as JSON). */
export interface MissionRow {
  id: string;
  title: string;
  version: number;
  country_code: string;
  start_date: string;
  end_date: string;
  /** The benchmark whose workflow planned the mission; null for one the Commission created. */
  benchmark_id: string | null;
  report_file_id: string | null;
  report_submitted_at: Date | null;
  report_shared_at: Date | null;
  tor_file_id: string | null;
  benchmarks: MissionListItemDto['benchmarks'];
  experts: MissionListItemDto['experts'];
}

/** A mission as `MissionsService.load` reads it: and whether the caller is one of its experts. */
export interface LoadedMissionRow extends MissionRow {
  assigned: boolean;
}

/** A recommendation as it is stored (`mission_recommendation`). */
export interface RecommendationRow {
  id: string;
  mission_id: string;
  benchmark_id: string;
  text: string;
  owner: string;
  due_date: string;
  status: RecommendationDto['status'];
  follow_up_note: string;
}

/** A timestamp inside JSON (json_build_object), which arrives as ISO text, as the answer's ISO text. */
export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The benchmark of a mission's scope named by code or id, or 422. */
export function scopeBenchmark(row: MissionRow, ref: string): string {
  const found = row.benchmarks.find((b) => b.id === ref || b.code === ref);
  if (!found) throw refuse.unprocessable('mission.benchmark-not-in-scope', { ref });
  return found.id;
}
