import type { ActivityStatus, CorrectiveMeasureDto, CorrectiveMeasureStatus } from '@bt/contracts';

/** Overdue is computed, never stored: the deadline has passed and the activity is not completed. */
export const OVERDUE_SQL = `(act.deadline < CURRENT_DATE AND act.status <> 'completed')`;

export const ACTIVITY_COLUMNS = `act.id, act.benchmark_id, b.code AS benchmark_code, a.country_code, a.code AS area_code, a.title AS area_title,
  act.code, act.title, act.responsible_institution, to_char(act.deadline, 'YYYY-MM-DD') AS deadline, act.budget_amount, act.budget_currency,
  act.budget_source, act.status, act.version, ${OVERDUE_SQL} AS overdue`;

/** The activity joined to its benchmark and area, from `action_activity act`, `benchmark b`, `area a`. */
export const ACTIVITY_FROM = `action_activity act JOIN benchmark b ON b.id = act.benchmark_id JOIN area a ON a.id = b.area_id`;

/** An activity as ACTIVITY_COLUMNS selects it. */
export interface ActivityRow {
  id: string;
  benchmark_id: string;
  benchmark_code: string;
  /** character(2): as stored, to be trimmed. */
  country_code: string;
  area_code: string;
  area_title: string;
  code: string;
  title: string;
  responsible_institution: string;
  deadline: string;
  /** numeric: the driver's text. */
  budget_amount: string | null;
  budget_currency: string | null;
  budget_source: string | null;
  status: ActivityStatus;
  version: number;
  overdue: boolean;
}

export const MEASURE_COLUMNS = `m.id, m.activity_id, m.benchmark_id, m.what, m.responsible, to_char(m.due_date, 'YYYY-MM-DD') AS due_date, m.status,
  u.display_name AS created_by_name, m.created_at, m.recommendation_id`;
export const MEASURE_SELECT = `SELECT ${MEASURE_COLUMNS} FROM corrective_measure m JOIN app_user u ON u.id = m.created_by`;

/** A corrective measure as MEASURE_COLUMNS selects it. */
export interface MeasureRow {
  id: string;
  activity_id: string | null;
  benchmark_id: string;
  what: string;
  responsible: string;
  due_date: string;
  status: CorrectiveMeasureStatus;
  created_by_name: string;
  created_at: Date;
  recommendation_id: string | null;
}

export function measureDto(r: MeasureRow): CorrectiveMeasureDto {
  return {
    id: r.id,
    activityId: r.activity_id,
    benchmarkId: r.benchmark_id,
    what: r.what,
    responsible: r.responsible,
    dueDate: r.due_date,
    status: r.status,
    createdBy: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    recommendationId: r.recommendation_id,
  };
}

/** The columns a change sets (name → new value), and the `SET` list of them from `$2` on (`$1`: the row's id). */
export function setList(changes: Record<string, unknown>): string {
  return Object.keys(changes)
    .map((c, i) => `${c} = $${i + 2}`)
    .join(', ');
}
