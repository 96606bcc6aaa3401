import type { AreaDto, BenchmarkListItemDto } from '@bt/contracts';

export interface AreaGroup {
  readonly code: string;
  readonly title: string;
  readonly benchmarks: readonly BenchmarkListItemDto[];
}

/**
 * Groups benchmarks under their areas, areas in catalogue order and benchmarks in their own order.
 * An area the area list does not know (yet) still gets its group, after the known ones.
 */
export function groupByArea(benchmarks: readonly BenchmarkListItemDto[], areas: readonly AreaDto[]): AreaGroup[] {
  const byArea = new Map<string, { title: string; benchmarks: BenchmarkListItemDto[] }>();
  for (const benchmark of [...benchmarks].sort((a, b) => a.position - b.position)) {
    const group = byArea.get(benchmark.area.code);
    if (group) group.benchmarks.push(benchmark);
    else byArea.set(benchmark.area.code, { title: benchmark.area.title, benchmarks: [benchmark] });
  }
  const position = new Map(areas.map((area) => [area.code, area.position]));
  return [...byArea.entries()]
    .map(([code, group]) => ({ code, ...group }))
    .sort((a, b) => (position.get(a.code) ?? Number.MAX_SAFE_INTEGER) - (position.get(b.code) ?? Number.MAX_SAFE_INTEGER));
}
