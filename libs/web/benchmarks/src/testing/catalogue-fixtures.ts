import type { AreaDto, BenchmarkDetailDto, BenchmarkListItemDto, Page } from '@bt/contracts';

/** Catalogue answers as the API gives them, for unit tests. */
export function area(code: string, title: string, position: number): AreaDto {
  return { code, title, intro: null, position, country: 'RS', chapter: 24, benchmarkCount: 0 };
}

export function benchmark(code: string, areaTitle: string, overrides: Partial<BenchmarkListItemDto> = {}): BenchmarkListItemDto {
  const areaCode = code.split('-')[2];
  return {
    id: `id-${code}`,
    code,
    country: 'RS',
    chapter: 24,
    area: { code: areaCode, title: areaTitle },
    position: Number(code.split('-')[3]),
    excerpt: `Text of ${code}.`,
    state: 'draft',
    subRequirementCount: 0,
    ...overrides,
  };
}

/** A list answer; `next` names the page after (null: this is the last). */
export function page<T>(items: T[], total = items.length, next: string | null = null): Page<T> {
  return { items, total, totalCapped: false, page: 1, pageSize: 50, next };
}

export function benchmarkDetail(overrides: Partial<BenchmarkDetailDto> = {}): BenchmarkDetailDto {
  const { excerpt: _, ...listed } = benchmark('RS-24-ASY-03', 'Asylum');
  return {
    ...listed,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    area: { code: 'ASY', title: 'Asylum', intro: 'Serbia enhances its asylum system. In particular,' },
    text: 'Serbia ensures the sustainability of its asylum system.',
    textSr: null,
    state: 'submitted',
    subRequirementCount: 3,
    subRequirements: [
      { id: 's1', code: 'RS-24-ASY-03.1', position: 1, text: 'Sufficient reception capacity.', textSr: null },
      { id: 's2', code: 'RS-24-ASY-03.2', position: 2, text: 'Trained asylum officers.', textSr: null },
      { id: 's3', code: 'RS-24-ASY-03.3', position: 3, text: 'A working appeal procedure.', textSr: null },
    ],
    // The workflow part of the detail (contracts' BenchmarkWorkflowDto): nothing this caller may do.
    stage: null,
    allowedEvents: [],
    availableEvents: [],
    mission: null,
    latestAssessment: null,
    ...overrides,
  };
}
