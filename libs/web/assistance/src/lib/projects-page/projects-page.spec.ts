import type { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { RouterTestingHarness } from '@angular/router/testing';
import { openAssistancePage, pageTexts } from '../../testing/pages';
import { project } from '../../testing/projects';

describe('ProjectsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'setImmediate', 'nextTick'] });
    ({ harness, http } = await openAssistancePage('/projects'));
    http
      .expectOne('/api/areas?country=RS&chapter=24')
      .flush([{ code: 'POL', title: 'Police cooperation', intro: null, position: 1, country: 'RS', chapter: 24, benchmarkCount: 13 }]);
  });
  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const texts = (selector: string): string[] => pageTexts(harness, selector);
  async function settle(): Promise<void> {
    jest.advanceTimersByTime(300);
    TestBed.tick();
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  it('lists the projects of the country, public, with who funds and implements them and what they support', async () => {
    http.expectOne('/api/projects?country=RS').flush([project()]);
    await settle();
    expect(texts('.project__title')).toEqual(['Support to Strengthening the Fight against Trafficking in Human Beings (Twinning)']);
    expect(texts('.project__who dd')).toEqual(['European Commission, DG NEAR', 'Ministry of Interior of the Republic of Slovenia', 'RS-24-POL-09']);
    expect(texts('.status')).toEqual(['Closed']);
    expect(texts('p.muted[aria-live]')).toEqual(['1 project']); // an ICU plural: not "1 projects"
    // Nobody is signed in: no "Add a project".
    expect(element().textContent).not.toContain('Add a project');
  });

  it('sends each filter set, and leaves out the empty ones', async () => {
    http.expectOne('/api/projects?country=RS').flush([]);
    await settle();
    // The filters' own fields (the IATI download above them has fields of its own).
    const loader = await TestbedHarnessEnvironment.loader(harness.fixture).getChildLoader('form.filters');
    const [country, area, status] = await loader.getAllHarnesses(MatSelectHarness);
    await area.open();
    await area.clickOptions({ text: 'Police cooperation' });
    await status.open();
    await status.clickOptions({ text: 'Implementation' });
    const inputs = await loader.getAllHarnesses(MatInputHarness);
    await inputs[0].setValue('rs-24-pol-09');
    await inputs[1].setValue('netherlands');
    await inputs[2].setValue('  ');
    await settle();
    const request = http.expectOne((r) => r.url === '/api/projects');
    expect(request.request.urlWithParams).toBe('/api/projects?country=RS&area=POL&benchmark=RS-24-POL-09&funder=netherlands&status=2');
    request.flush([]);
    await settle();
    expect(texts('.muted')).toEqual(['No project matches these filters.']);
    expect(await country.getValueText()).toBe('Serbia');
  });

  it('sends a period only when it is a year or years, and says so when it is not', async () => {
    http.expectOne('/api/projects?country=RS').flush([]);
    await settle();
    const period = await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatInputHarness.with({ placeholder: '2023-2025' }));
    await period.setValue('2023-2025');
    await settle();
    http.expectOne('/api/projects?country=RS&period=2023-2025').flush([]);
    await period.setValue('20x');
    await period.blur();
    await settle();
    // Not sent as it is: the list asks without it, and the field says what it takes.
    http.expectOne('/api/projects?country=RS').flush([]);
    await settle();
    expect(texts('mat-error')).toEqual(['A year such as 2024, or years such as 2023-2025']);
  });
});
