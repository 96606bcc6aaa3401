import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import type { RouterTestingHarness } from '@angular/router/testing';
import type { BenchmarkListItemDto } from '@bt/contracts';
import { BarChart } from '@bt/web/charts';
import { openAssistancePage, pageTexts } from '../../testing/pages';
import { project } from '../../testing/projects';

const benchmark = (code: string, area: string, title: string, position: number): BenchmarkListItemDto => ({
  id: `b-${code}`,
  code,
  country: 'RS',
  chapter: 24,
  area: { code: area, title },
  position,
  excerpt: `Text of ${code}`,
  state: 'draft',
  subRequirementCount: 0,
});

describe('CoveragePage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ harness, http } = await openAssistancePage('/projects/coverage'));
  });
  afterEach(() => http.verify());

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const texts = (selector: string): string[] => pageTexts(harness, selector);

  it('sets the benchmarks apart by their support, per area, in words, a chart with its table and the years', async () => {
    http.expectOne('/api/benchmarks?country=RS&chapter=24&pageSize=200').flush({
      items: [
        benchmark('RS-24-POL-09', 'POL', 'Police cooperation', 1),
        benchmark('RS-24-POL-10', 'POL', 'Police cooperation', 2),
        benchmark('RS-24-MIG-01', 'MIG', 'Migration', 3),
      ],
      total: 3,
      next: null,
    });
    http.expectOne('/api/projects?country=RS').flush([
      // Ended in 2021: it serves POL-09, but nothing runs there now.
      project(),
      project({
        id: 'p-2',
        title: 'Undated programme',
        status: null,
        actualStart: null,
        actualEnd: null,
        supports: [
          { benchmark: { id: 'b-RS-24-MIG-01', code: 'RS-24-MIG-01', area: 'MIG' }, subRequirement: null, activity: null, how: 'Trains border police.' },
        ],
      }),
    ]);
    TestBed.tick();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();

    expect(texts('.summary')).toEqual(['Of 3 benchmarks — with a running project: 0; with only past, future or undated projects: 2; with none: 1.']);
    expect(texts('section.area h2')).toEqual(['Police cooperation', 'Migration']);
    const cells = (selector: string) => texts(`table.coverage tbody ${selector}`);
    expect(cells('th a')).toEqual(['RS-24-POL-09', 'RS-24-POL-10', 'RS-24-MIG-01']);
    expect(cells('.support').map((s) => s.replace(/^(check_circle|schedule|report) /, ''))).toEqual([
      'Only past, future or undated projects',
      'No project',
      'Only past, future or undated projects',
    ]);
    expect(cells('td:last-child')).toEqual(['Support to Strengthening the Fight against Trafficking in Human Beings (Twinning)', '—', 'Undated programme']);
    expect(element().querySelector('tr.support-none th a')?.getAttribute('href')).toBe('/benchmarks/RS-24-POL-10?tab=support');
    // The chart's figures are in a table too; its colours say what they say on every chart: running support good, none bad.
    const chart = harness.fixture.debugElement.query(By.directive(BarChart)).componentInstance as BarChart;
    expect(chart.series().map((s) => [s.name, s.meaning, s.values])).toEqual([
      ['A running project', 'positive', [0, 0]],
      ['Only past, future or undated projects', 'partial', [1, 1]],
      ['No project', 'negative', [1, 0]],
    ]);
    expect(element().querySelectorAll('bt-bar-chart tbody tr')).toHaveLength(3);
    // The years from the first start (2018) to this year; the undated project apart.
    const years = texts('table.years thead th.year');
    expect(years[0]).toBe('2018');
    expect(years.at(-1)).toBe(String(new Date().getFullYear()));
    expect(texts('table.years tbody tr')[1]).toContain('No period stated');
    expect(texts('.funding')).toEqual(['2 of 2 projects state no budget.']);
  });
});
