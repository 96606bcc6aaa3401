import type { BenchmarkListItemDto, ProjectDto } from '@bt/contracts';
import { project as projectFixture } from '../../testing/projects';
import { coverage, isRunning, timeline } from './coverage';

const DAY = '2026-12-06';

/** A project with nothing stated but what a test gives: no status, no dates, the benchmarks it supports. */
function project(id: string, overrides: Partial<ProjectDto> = {}, supports: [code: string, area: string][] = []): ProjectDto {
  return projectFixture({
    id,
    title: `Project ${id}`,
    status: null,
    actualStart: null,
    actualEnd: null,
    supports: supports.map(([code, area]) => ({ benchmark: { id: `id-${code}`, code, area }, subRequirement: null, activity: null, how: 'It helps.' })),
    ...overrides,
  });
}

function benchmark(code: string, area: string, position: number): BenchmarkListItemDto {
  return {
    id: `id-${code}`,
    code,
    country: 'RS',
    chapter: 24,
    area: { code: area, title: `Area ${area}` },
    position,
    excerpt: `Text of ${code}`,
    state: 'draft',
    subRequirementCount: 0,
  };
}

describe('coverage', () => {
  it('counts a project as running by its IATI status, else by the period it states, at the precision stated', () => {
    expect(isRunning(project('a', { status: 2 }), DAY)).toBe(true);
    expect(isRunning(project('a', { status: 4, plannedStart: '2026-01', plannedEnd: '2027' }), DAY)).toBe(false);
    expect(isRunning(project('a', { plannedStart: '2026-12', plannedEnd: '2026-12' }), DAY)).toBe(true);
    expect(isRunning(project('a', { plannedStart: '2023-07-01', plannedEnd: '2025-06-30' }), DAY)).toBe(false);
    // The actual period wins over the planned one; a start without an end runs on.
    expect(isRunning(project('a', { plannedStart: '2020', plannedEnd: '2021', actualStart: '2020', actualEnd: '2027-03' }), DAY)).toBe(true);
    expect(isRunning(project('a', { actualStart: '2025' }), DAY)).toBe(true);
    expect(isRunning(project('a', { plannedStart: '2027-01' }), DAY)).toBe(false);
    // Nothing stated: nothing says it runs.
    expect(isRunning(project('a'), DAY)).toBe(false);
  });

  it('sets each benchmark of each area apart by its support: a running project, only others, or none', () => {
    const areas = coverage(
      [benchmark('RS-24-MIG-02', 'MIG', 2), benchmark('RS-24-MIG-01', 'MIG', 1), benchmark('RS-24-OC-01', 'OC', 3)],
      [
        project('past', { actualStart: '2018-09', actualEnd: '2021-01' }, [
          ['RS-24-MIG-01', 'MIG'],
          ['RS-24-MIG-01', 'MIG'],
        ]),
        project('now', { status: 2 }, [
          ['RS-24-MIG-01', 'MIG'],
          ['RS-24-OC-01', 'OC'],
        ]),
      ],
      DAY,
    );
    expect(areas.map((a) => [a.code, a.count])).toEqual([
      ['MIG', { running: 1, other: 0, none: 1 }],
      ['OC', { running: 1, other: 0, none: 0 }],
    ]);
    const [mig01, mig02] = areas[0].benchmarks;
    expect([mig01.code, mig01.support, mig01.projects.map((p) => [p.id, p.running])]).toEqual([
      'RS-24-MIG-01',
      'running',
      [
        ['now', true],
        ['past', false],
      ],
    ]);
    expect([mig02.code, mig02.support, mig02.projects]).toEqual(['RS-24-MIG-02', 'none', []]);
    expect(coverage([benchmark('RS-24-MIG-01', 'MIG', 1)], [project('past', { status: 4 }, [['RS-24-MIG-01', 'MIG']])], DAY)[0].count).toEqual({
      running: 0,
      other: 1,
      none: 0,
    });
  });

  it('lays the projects over the years from the first stated start to this year or the last end, undated ones apart', () => {
    const titles = new Map([
      ['MIG', 'Migration'],
      ['OC', 'Organised crime'],
    ]);
    const { years, rows } = timeline(
      [
        project('later', { plannedStart: '2023-07-01', plannedEnd: '2025-06-30' }, [['RS-24-OC-01', 'OC']]),
        project('undated', {}, [['RS-24-MIG-01', 'MIG']]),
        project('first', { actualStart: '2018-09', actualEnd: '2021-01' }, [
          ['RS-24-MIG-01', 'MIG'],
          ['RS-24-OC-01', 'OC'],
        ]),
      ],
      titles,
      DAY,
    );
    expect(years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(rows.map((r) => [r.id, r.areas, r.years?.map((on) => (on ? 'x' : '.')).join('') ?? null])).toEqual([
      ['first', ['Migration', 'Organised crime'], 'xxxx.....'],
      ['later', ['Organised crime'], '.....xxx.'],
      ['undated', ['Migration'], null],
    ]);
  });
});
