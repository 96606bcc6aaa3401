import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { BENCHMARK_ROUTES } from '../benchmarks.routes';

describe('BenchmarkPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'benchmarks', children: BENCHMARK_ROUTES }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    TestBed.tick();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const text = (selector: string): string =>
    (element().querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

  afterEach(() => http.verify());

  it('shows the benchmark with its area, state and sub-requirements in order', async () => {
    await open('/benchmarks/RS-24-ASY-03');
    http.expectOne('/api/benchmarks/RS-24-ASY-03').flush(benchmarkDetail());
    await settle();

    expect(text('h1')).toBe('Benchmark RS-24-ASY-03');
    expect(text('.benchmark__area')).toBe('Asylum');
    expect(text('.benchmark__intro')).toBe('Serbia enhances its asylum system. In particular,');
    expect(text('.benchmark__text')).toBe('Serbia ensures the sustainability of its asylum system.');
    expect(text('bt-benchmark-state-chip')).toBe('State: Submitted');

    const items = [...element().querySelectorAll('ol.sub-requirements__list > li')].map((li) => ({
      code: li.querySelector('.sub-requirement__code')?.textContent?.trim(),
      text: li.querySelector('.sub-requirement__text')?.textContent?.trim(),
    }));
    expect(items).toEqual([
      { code: 'RS-24-ASY-03.1', text: 'Sufficient reception capacity.' },
      { code: 'RS-24-ASY-03.2', text: 'Trained asylum officers.' },
      { code: 'RS-24-ASY-03.3', text: 'A working appeal procedure.' },
    ]);
    expect(TestBed.inject(Title).getTitle()).toBe('Benchmark RS-24-ASY-03');
  });

  it('links back to the list', async () => {
    await open('/benchmarks/RS-24-ASY-03');
    http.expectOne('/api/benchmarks/RS-24-ASY-03').flush(benchmarkDetail());
    await settle();

    const back = element().querySelector('nav[aria-label="Breadcrumb"] a') as HTMLAnchorElement;
    expect(back.getAttribute('href')).toBe('/benchmarks');
    expect(back.textContent?.trim()).toContain('Benchmarks');
  });

  it('says so when a benchmark has no sub-requirements', async () => {
    await open('/benchmarks/RS-24-APM-01');
    http
      .expectOne('/api/benchmarks/RS-24-APM-01')
      .flush(benchmarkDetail({ code: 'RS-24-APM-01', subRequirements: [], subRequirementCount: 0 }));
    await settle();

    expect(element().querySelector('ol.sub-requirements__list')).toBeNull();
    expect(element().textContent).toContain('This benchmark has no sub-requirements.');
  });

  it('says "Benchmark not found" for an unknown code, without offering to retry', async () => {
    await open('/benchmarks/RS-24-DRG-99');
    http
      .expectOne('/api/benchmarks/RS-24-DRG-99')
      .flush(
        { statusCode: 404, message: 'No benchmark RS-24-DRG-99', error: 'Not Found' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();

    expect(text('h1')).toBe('Benchmark not found');
    expect(element().textContent).toContain('There is no benchmark RS-24-DRG-99.');
    expect(element().querySelector('[role="alert"]')).toBeNull();
    expect(element().querySelector('ol')?.textContent).not.toContain('RS-24-DRG-99.1');
  });

  it('offers to try again when the API fails, and shows the benchmark once it answers', async () => {
    await open('/benchmarks/RS-24-ASY-03');
    http.expectOne('/api/benchmarks/RS-24-ASY-03').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await settle();

    const alert = element().querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('The benchmark could not be loaded.');
    (alert.querySelector('button') as HTMLButtonElement).click();
    TestBed.tick();

    http.expectOne('/api/benchmarks/RS-24-ASY-03').flush(benchmarkDetail());
    await settle();
    expect(element().querySelector('[role="alert"]')).toBeNull();
    expect(element().querySelectorAll('ol.sub-requirements__list > li')).toHaveLength(3);
  });
});
