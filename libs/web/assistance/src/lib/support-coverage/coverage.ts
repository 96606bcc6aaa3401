import type { BenchmarkListItemDto, ProjectDto } from '@bt/contracts';

/**
 * Where a benchmark stands for support: a project running now serves it; only projects that ended,
 * have not begun or state no period do; or no project at all.
 */
export type Support = 'running' | 'other' | 'none';

export interface CoverageBenchmark {
  readonly id: string;
  readonly code: string;
  readonly excerpt: string;
  readonly support: Support;
  /** The projects that serve it, running ones first. */
  readonly projects: readonly { readonly id: string; readonly title: string; readonly running: boolean }[];
}

export interface CoverageArea {
  readonly code: string;
  readonly title: string;
  readonly benchmarks: readonly CoverageBenchmark[];
  /** How many of its benchmarks stand at each level of support. */
  readonly count: Readonly<Record<Support, number>>;
}

/** A partial date (2018, 2018-09, 2018-09-14) against a day, at the precision the date has. */
const startedBy = (start: string, day: string) => start <= day.slice(0, start.length);
const notEndedBy = (end: string, day: string) => end >= day.slice(0, end.length);

/** The period a project states: actual dates where known, else planned ones. */
export function periodOf(project: ProjectDto): { start: string | null; end: string | null } {
  return { start: project.actualStart ?? project.plannedStart, end: project.actualEnd ?? project.plannedEnd };
}

/**
 * Running on `day` (YYYY-MM-DD): its IATI status says implementation (2); or, when it states no
 * status, its period holds the day — begun, and not ended as far as an end is stated. A project
 * that states neither is not counted as running: nothing says it is.
 */
export function isRunning(project: ProjectDto, day: string): boolean {
  if (project.status !== null) return project.status === 2;
  const { start, end } = periodOf(project);
  return start !== null && startedBy(start, day) && (end === null || notEndedBy(end, day));
}

/** Each area of the catalogue with its benchmarks and the projects that serve them, in catalogue order. */
export function coverage(benchmarks: readonly BenchmarkListItemDto[], projects: readonly ProjectDto[], day: string): CoverageArea[] {
  const servedBy = new Map<string, { id: string; title: string; running: boolean }[]>();
  for (const project of projects) {
    const running = isRunning(project, day);
    for (const code of new Set(project.supports.map((link) => link.benchmark.code))) {
      servedBy.set(code, [...(servedBy.get(code) ?? []), { id: project.id, title: project.title, running }]);
    }
  }
  const areas = new Map<string, { code: string; title: string; benchmarks: CoverageBenchmark[] }>();
  for (const benchmark of [...benchmarks].sort((a, b) => a.position - b.position)) {
    const projectsOf = [...(servedBy.get(benchmark.code) ?? [])].sort((a, b) => Number(b.running) - Number(a.running));
    const support: Support = projectsOf.some((p) => p.running) ? 'running' : projectsOf.length ? 'other' : 'none';
    const area = areas.get(benchmark.area.code) ?? { code: benchmark.area.code, title: benchmark.area.title, benchmarks: [] };
    area.benchmarks.push({ id: benchmark.id, code: benchmark.code, excerpt: benchmark.excerpt, support, projects: projectsOf });
    areas.set(area.code, area);
  }
  return [...areas.values()].map((area) => ({
    ...area,
    count: {
      running: area.benchmarks.filter((b) => b.support === 'running').length,
      other: area.benchmarks.filter((b) => b.support === 'other').length,
      none: area.benchmarks.filter((b) => b.support === 'none').length,
    },
  }));
}

export interface TimelineRow {
  readonly id: string;
  readonly title: string;
  /** The areas whose benchmarks it serves, by title. */
  readonly areas: readonly string[];
  /** Per year of the timeline: whether the project's stated period touches it (null: no period stated). */
  readonly years: readonly boolean[] | null;
  readonly budget: ProjectDto['budget'];
}

/**
 * The projects over the years, from the first stated start to the later of the last stated end and
 * `day`'s year. A period with a start but no end runs up to `day`'s year.
 */
export function timeline(projects: readonly ProjectDto[], areaTitles: ReadonlyMap<string, string>, day: string): { years: number[]; rows: TimelineRow[] } {
  const thisYear = Number(day.slice(0, 4));
  const periods = projects.map((project) => periodOf(project));
  const starts = periods
    .map((p) => p.start)
    .filter((s): s is string => s !== null)
    .map((s) => Number(s.slice(0, 4)));
  const ends = periods
    .map((p) => p.end)
    .filter((e): e is string => e !== null)
    .map((e) => Number(e.slice(0, 4)));
  const first = starts.length ? Math.min(...starts) : thisYear;
  const last = Math.max(thisYear, ...ends);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const rows = projects
    .map((project, i) => {
      const { start, end } = periods[i];
      const from = start === null ? null : Number(start.slice(0, 4));
      const to = end === null ? thisYear : Number(end.slice(0, 4));
      const areas = [...new Set(project.supports.map((link) => areaTitles.get(link.benchmark.area) ?? link.benchmark.area))];
      return {
        id: project.id,
        title: project.title,
        areas,
        years: from === null ? null : years.map((year) => year >= from && year <= to),
        budget: project.budget,
      };
    })
    .sort((a, b) => (a.years?.indexOf(true) ?? Infinity) - (b.years?.indexOf(true) ?? Infinity) || a.title.localeCompare(b.title));
  return { years, rows };
}
