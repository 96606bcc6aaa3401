import type { AreaDto, BenchmarkDetailDto, BenchmarkSummaryDto, Page } from '@bt/contracts';

/** Catalogue answers as the API gives them, for unit tests. */
export function area(code: string, title: string, position: number): AreaDto {
  return { code, title, intro: null, position, country: 'RS', chapter: 24, benchmarkCount: 0 };
}

export function benchmark(
  code: string,
  areaTitle: string,
  overrides: Partial<BenchmarkSummaryDto> = {},
): BenchmarkSummaryDto {
  const areaCode = code.split('-')[2];
  return {
    id: `id-${code}`,
    code,
    country: 'RS',
    chapter: 24,
    area: { code: areaCode, title: areaTitle },
    position: Number(code.split('-')[3]),
    text: `Text of ${code}.`,
    state: 'draft',
    version: 1,
    subRequirementCount: 0,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function page<T>(items: T[], total = items.length): Page<T> {
  return { items, total, page: 1, pageSize: 200 };
}

export function benchmarkDetail(overrides: Partial<BenchmarkDetailDto> = {}): BenchmarkDetailDto {
  return {
    ...benchmark('RS-24-ASY-03', 'Asylum'),
    area: { code: 'ASY', title: 'Asylum', intro: 'Serbia enhances its asylum system. In particular,' },
    text: 'Serbia ensures the sustainability of its asylum system.',
    state: 'submitted',
    subRequirementCount: 3,
    subRequirements: [
      { id: 's1', code: 'RS-24-ASY-03.1', position: 1, text: 'Sufficient reception capacity.' },
      { id: 's2', code: 'RS-24-ASY-03.2', position: 2, text: 'Trained asylum officers.' },
      { id: 's3', code: 'RS-24-ASY-03.3', position: 3, text: 'A working appeal procedure.' },
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
