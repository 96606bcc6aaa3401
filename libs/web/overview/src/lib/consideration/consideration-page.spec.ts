import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ConsiderationDto, ConsiderationFigures } from '@bt/contracts';
import { BarChart } from '@bt/web/charts';
import { OVERVIEW_ROUTES } from '../overview.routes';

const figures = (received: number, answered = received): ConsiderationFigures => ({
  received,
  answered,
  accepted: answered,
  partlyAccepted: 0,
  notAccepted: 0,
  medianDaysToAnswer: answered ? 4 : null,
  oldestUnansweredAt: null,
});

const FIRST: ConsiderationDto = {
  country: 'RS',
  chapter: 24,
  benchmarks: [
    { id: 'b1', code: 'RS-24-MIG-01', area: 'MIG', ...figures(2) },
    { id: 'b2', code: 'RS-24-MIG-02', area: 'MIG', ...figures(0) },
  ],
  next: 'RS-24-MIG-02',
  areas: [{ code: 'MIG', title: 'Migration', ...figures(3) }],
  total: figures(3),
};

describe('ConsiderationPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'overview', children: OVERVIEW_ROUTES }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/overview/consideration');
    TestBed.tick();
    http.expectOne('/api/consideration?country=RS&chapter=24').flush(FIRST);
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const element = () => harness.routeNativeElement as HTMLElement;
  const rows = () => [...element().querySelectorAll('table.grid tbody th[scope="row"]')].map((th) => (th.textContent ?? '').trim());
  const more = () => [...element().querySelectorAll('button')].find((b) => b.textContent?.includes('Show more'));

  it('lists the benchmarks with proposals, and adds the following ones on "Show more"', async () => {
    expect(rows()).toEqual(['RS-24-MIG-01']);
    more()?.click();
    TestBed.tick();
    http
      .expectOne('/api/consideration?country=RS&chapter=24&after=RS-24-MIG-02')
      .flush({ ...FIRST, benchmarks: [{ id: 'b3', code: 'RS-24-MIG-03', area: 'MIG', ...figures(1) }], next: null });
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
    expect(rows()).toEqual(['RS-24-MIG-01', 'RS-24-MIG-03']);
    expect(more()).toBeUndefined();
  });

  it('charts the answers per area, each colour saying what it says on every chart', () => {
    const chart = harness.fixture.debugElement.query(By.directive(BarChart)).componentInstance as BarChart;
    expect(chart.categories()).toEqual(['Migration']);
    // Green a good outcome, amber a partial one, red a refusal, grey not answered yet: never one colour for two.
    expect(chart.series().map((s) => [s.name, s.meaning, s.values])).toEqual([
      ['Accepted', 'positive', [3]],
      ['Partly accepted', 'partial', [0]],
      ['Not accepted', 'negative', [0]],
      ['Unanswered', 'pending', [0]],
    ]);
  });
});
