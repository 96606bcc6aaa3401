import type { TaskDto } from '@bt/contracts';

/** A task as `GET /api/tasks` answers it, for unit tests. */
export function task(kind: TaskDto['kind'], code: string, overrides: Partial<TaskDto['benchmark']> = {}): TaskDto {
  return {
    kind,
    benchmark: { id: `id-${code}`, code, text: `Text of ${code}.`, state: 'draft', stage: null, ...overrides },
    since: '2026-03-02T10:00:00.000Z',
  };
}
