import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { area, benchmark, page } from '../../testing/catalogue-fixtures';
import { BENCHMARK_ROUTES } from '../benchmarks.routes';
import { SEARCH_DEBOUNCE_MS } from './benchmarks-page';

const AREAS = [area('APM', 'Action Plan monitoring', 1), area('MIG', 'Legal and irregular migration', 2), area('ASY', 'Asylum', 3)];

describe('BenchmarksPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'benchmarks', children: BENCHMARK_ROUTES }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    http.expectOne('/api/areas?country=RS&chapter=24').flush(AREAS);
  }

  /** The list request the page has made for the current filters. */
  async function listRequest(): Promise<TestRequest> {
    TestBed.tick();
    return http.expectOne((r) => r.url === '/api/benchmarks');
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const texts = (selector: string): string[] => [...element().querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  const searchBox = (): HTMLInputElement => element().querySelector('input[type="search"]') as HTMLInputElement;
  const queryParams = (): Record<string, string> => router.parseUrl(router.url).queryParams as Record<string, string>;

  afterEach(() => http.verify());

  it('asks for the first page of the chapter and groups the benchmarks under their areas, in catalogue order', async () => {
    await open('/benchmarks');
    const request = await listRequest();
    expect(request.request.urlWithParams).toBe('/api/benchmarks?country=RS&chapter=24&pageSize=50');

    request.flush(
      page([
        benchmark('RS-24-ASY-01', 'Asylum'),
        benchmark('RS-24-MIG-02', 'Legal and irregular migration', { state: 'peerReview', subRequirementCount: 3 }),
        benchmark('RS-24-APM-01', 'Action Plan monitoring', { state: 'accepted' }),
        benchmark('RS-24-MIG-01', 'Legal and irregular migration', { subRequirementCount: 1 }),
      ]),
    );
    await settle();

    expect(texts('h1')).toEqual(['Serbia — Chapter 24: Justice, freedom and security']);
    expect(texts('h2')).toEqual(['Action Plan monitoring 1 benchmark', 'Legal and irregular migration 2 benchmarks', 'Asylum 1 benchmark']);
    const migration = element().querySelectorAll('section.area')[1];
    expect([...migration.querySelectorAll('h3')].map((h) => h.textContent?.trim())).toEqual(['RS-24-MIG-01', 'RS-24-MIG-02']);
    expect(texts('[role="status"]')).toEqual(['4 benchmarks']);
  });

  it('shows each benchmark as one link to its page, with its state in words and its sub-requirements counted', async () => {
    await open('/benchmarks');
    (await listRequest()).flush(page([benchmark('RS-24-MIG-02', 'Legal and irregular migration', { state: 'peerReview', subRequirementCount: 3 })]));
    await settle();

    const card = element().querySelector('li.benchmark') as HTMLElement;
    const links = card.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].getAttribute('href')).toBe('/benchmarks/RS-24-MIG-02');
    expect(card.querySelector('bt-benchmark-state-chip')?.textContent).toContain('Peer review');
    expect(card.textContent).toContain('Text of RS-24-MIG-02.');
    expect(card.textContent).toContain('3 sub-requirements');
  });

  it('writes a search to the address once typing pauses, and asks the API for it', async () => {
    await open('/benchmarks');
    (await listRequest()).flush(page([]));
    await settle();

    searchBox().value = 'asylum seekers';
    searchBox().dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await settle();

    expect(queryParams()).toEqual({ q: 'asylum seekers' });
    const request = await listRequest();
    expect(request.request.params.get('q')).toBe('asylum seekers');
    request.flush(page([]));
  });

  it('writes the chosen area and state to the address', async () => {
    await open('/benchmarks');
    (await listRequest()).flush(page([]));
    await settle();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const [areaSelect, stateSelect] = await loader.getAllHarnesses(MatSelectHarness);

    await areaSelect.open();
    await areaSelect.clickOptions({ text: 'Asylum' });
    await settle();
    expect(queryParams()).toEqual({ area: 'ASY' });
    (await listRequest()).flush(page([]));

    await stateSelect.open();
    await stateSelect.clickOptions({ text: 'Peer review' });
    await settle();
    expect(queryParams()).toEqual({ area: 'ASY', state: 'peerReview' });
    const request = await listRequest();
    expect(request.request.params.get('area')).toBe('ASY');
    expect(request.request.params.get('state')).toBe('peerReview');
    request.flush(page([]));
  });

  it('takes its filters from a shared link, and follows the address back', async () => {
    await open('/benchmarks?q=visa&area=MIG&state=submitted');
    const request = await listRequest();
    expect(request.request.urlWithParams).toBe('/api/benchmarks?country=RS&chapter=24&area=MIG&state=submitted&q=visa&pageSize=50');
    request.flush(page([]));
    await settle();
    expect(searchBox().value).toBe('visa');
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const [areaSelect, stateSelect] = await loader.getAllHarnesses(MatSelectHarness);
    expect(await areaSelect.getValueText()).toBe('Legal and irregular migration');
    expect(await stateSelect.getValueText()).toBe('Submitted');

    // What the back button does: the address changes under the page.
    await harness.navigateByUrl('/benchmarks?q=border');
    (await listRequest()).flush(page([]));
    await settle();
    expect(searchBox().value).toBe('border');
    expect(await areaSelect.getValueText()).toBe('All areas');
  });

  it('ignores a malformed filter in the address instead of sending it', async () => {
    await open('/benchmarks?state=lost&area=not-an-area');
    const request = await listRequest();
    expect(request.request.urlWithParams).toBe('/api/benchmarks?country=RS&chapter=24&pageSize=50');
    request.flush(page([]));
  });

  it('says so when nothing matches, and clears the filters on request', async () => {
    await open('/benchmarks?q=nothing');
    (await listRequest()).flush(page([]));
    await settle();

    expect(element().textContent).toContain('No benchmark matches these filters.');
    expect(texts('[role="status"]')).toEqual(['0 benchmarks']);
    const clear = [...element().querySelectorAll('button')].find((b) => b.textContent?.includes('Clear filters'));
    clear?.click();
    await settle();
    expect(queryParams()).toEqual({});
    (await listRequest()).flush(page([benchmark('RS-24-APM-01', 'Action Plan monitoring')]));
  });

  it('adds the next page below on "Show more", until the last', async () => {
    await open('/benchmarks');
    (await listRequest()).flush(page([benchmark('RS-24-APM-01', 'Action Plan monitoring')], 2, 'RS-24-APM-01'));
    await settle();
    expect(texts('[role="status"]')).toEqual(['2 benchmarks (showing the first 1)']);

    const more = () => [...element().querySelectorAll('button')].find((b) => b.textContent?.includes('Show more'));
    more()?.click();
    const request = await listRequest();
    expect(request.request.urlWithParams).toBe('/api/benchmarks?country=RS&chapter=24&after=RS-24-APM-01&pageSize=50');
    request.flush(page([benchmark('RS-24-MIG-01', 'Legal and irregular migration')], 2));
    await settle();

    expect(texts('h3')).toEqual(['RS-24-APM-01', 'RS-24-MIG-01']);
    expect(texts('[role="status"]')).toEqual(['2 benchmarks']);
    expect(more()).toBeUndefined();
  });

  it('says when there are more benchmarks than the API counts', async () => {
    await open('/benchmarks');
    (await listRequest()).flush({ ...page([benchmark('RS-24-APM-01', 'Action Plan monitoring')], 200, 'RS-24-APM-01'), totalCapped: true });
    await settle();
    expect(texts('[role="status"]')).toEqual(['More than 200 benchmarks (showing the first 1)']);
  });

  it('shows a progress bar while loading', async () => {
    await open('/benchmarks');
    const request = await listRequest();
    harness.fixture.detectChanges();
    expect(element().querySelector('mat-progress-bar')).not.toBeNull();
    request.flush(page([]));
    await settle();
    expect(element().querySelector('mat-progress-bar')).toBeNull();
  });

  it('shows the API’s explanation of a failure and tries again on request', async () => {
    await open('/benchmarks');
    (await listRequest()).flush({ statusCode: 400, message: 'q must be shorter', error: 'Bad Request' }, { status: 400, statusText: 'Bad Request' });
    await settle();

    const alert = element().querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('The benchmarks could not be loaded.');
    expect(alert.textContent).toContain('q must be shorter');

    (alert.querySelector('button') as HTMLButtonElement).click();
    (await listRequest()).flush(page([benchmark('RS-24-APM-01', 'Action Plan monitoring')]));
    await settle();
    expect(element().querySelector('[role="alert"]')).toBeNull();
    expect(texts('h2')).toEqual(['Action Plan monitoring 1 benchmark']);
  });
});
