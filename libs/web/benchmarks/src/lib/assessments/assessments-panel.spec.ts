import { provideHttpClient } from '@angular/common/http';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { AssessmentDto, BenchmarkAssessmentsDto, BenchmarkDetailDto, ProjectDto, RoleAssignmentDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { CIVIL_SOCIETY, EXPERT, signedInUser } from '../../testing/workflow-fixtures';
import { AssessmentsPanel } from './assessments-panel';

@Component({
  selector: 'bt-host',
  imports: [AssessmentsPanel],
  template: `<bt-assessments-panel [benchmark]="benchmark()" />`,
})
class Host {
  readonly benchmark = signal<BenchmarkDetailDto>(benchmarkDetail({ code: 'RS-24-MIG-02', state: 'submitted' }));
}

const assessment = (
  id: string,
  voice: AssessmentDto['voice'],
  organisation: string,
  createdAt: string,
  overrides: Partial<AssessmentDto> = {},
): AssessmentDto => ({
  id,
  voice,
  organisation,
  organisationId: organisation,
  period: '2026',
  preparation: 'some_level',
  progress: 'some_progress',
  text: `${id} text`,
  author: 'Someone',
  createdAt,
  ...overrides,
});
const EARLIER = assessment('c1', 'commission', 'European Commission', '2026-01-01T00:00:00.000Z', { progress: 'no_progress' });
const COMMISSION = assessment('c2', 'commission', 'European Commission', '2026-03-01T00:00:00.000Z', { progress: 'good_progress' });
const SHADOW = assessment('s1', 'civil_society', 'Coalition', '2026-02-01T00:00:00.000Z', { preparation: 'early_stage' });
const DATA: BenchmarkAssessmentsDto = {
  history: [COMMISSION, SHADOW, EARLIER],
  periods: [{ period: '2026', commission: COMMISSION, ministry: null, civilSociety: [SHADOW] }],
};

describe('AssessmentsPanel', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;

  async function show(roles: RoleAssignmentDto[]): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).signIn({ email: 'x@demo.test', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(signedInUser(roles));
    fixture = TestBed.createComponent(Host);
    await settle();
    http.expectOne('/api/benchmarks/RS-24-MIG-02/assessments').flush(DATA);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

  it('puts the three voices of a period side by side, each current one with its earlier ones', async () => {
    await show(CIVIL_SOCIETY);
    const voices = [...element().querySelectorAll('article.voice')];
    expect(voices.map((v) => v.getAttribute('aria-label'))).toEqual([
      'Commission assessment, 2026',
      'Ministry self-assessment, 2026',
      'Shadow assessment: Coalition, 2026',
    ]);
    expect(clean(voices[0].querySelector('.voice__text')?.textContent)).toBe('c2 text');
    expect(clean(voices[0].querySelector('.voice__history summary')?.textContent)).toBe('History (1 earlier)');
    expect(voices[0].querySelector('.voice__history')?.textContent).toContain('c1 text');
    expect(clean(voices[1].textContent)).toContain('None recorded or published.');
    expect(clean(voices[2].querySelector('dd')?.textContent)).toContain('Early stage');
    expect(clean(element().querySelector('.section-header button')?.textContent)).toContain('Record your shadow assessment');
  });

  it('lets a CSO cite the monitoring project its organisation implements, and shows it beside the assessment', async () => {
    await show(CIVIL_SOCIETY);
    (element().querySelector('.section-header button') as HTMLButtonElement).click();
    await settle();
    const implementing = (id: string, title: string, organisationId: string) =>
      ({ id, title, participants: [{ name: 'x', role: 'implementing', organisationId, ref: null, type: null }] }) as unknown as ProjectDto;
    http
      .expectOne('/api/projects?country=RS')
      .flush([implementing('p-ours', 'Monitoring of trials', 'org-rs'), implementing('p-other', 'Training for judges', 'org-other')]);
    await settle();

    const dialog = TestbedHarnessEnvironment.documentRootLoader(fixture);
    const [preparation, progress, source] = await dialog.getAllHarnesses(MatSelectHarness);
    await preparation.open();
    await preparation.clickOptions({ text: /^Some level of preparation$/ });
    await progress.open();
    await progress.clickOptions({ text: /^Some progress$/ });
    await source.open();
    // Only the projects its organisation implements; "None" first.
    expect(await Promise.all((await source.getOptions()).map((o) => o.getText()))).toEqual(['None', 'Monitoring of trials']);
    await source.clickOptions({ text: 'Monitoring of trials' });
    await (await dialog.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('Few cases reach the courts.');
    (document.querySelector('bt-record-assessment-dialog button[type="submit"]') as HTMLButtonElement).click();
    await settle();

    const request = http.expectOne('/api/benchmarks/RS-24-MIG-02/assessments');
    expect(request.request.body).toMatchObject({ sourceProjectId: 'p-ours', text: 'Few cases reach the courts.' });
    const saved = assessment('s2', 'civil_society', 'Coalition', '2026-04-01T00:00:00.000Z', {
      sourceProject: { id: 'p-ours', title: 'Monitoring of trials' },
    });
    request.flush(saved);
    await settle();
    // The page loads the benchmark again after a change (the panel says `changed`), and the panel with it.
    fixture.componentInstance.benchmark.set({ ...fixture.componentInstance.benchmark() });
    await settle();
    http
      .expectOne('/api/benchmarks/RS-24-MIG-02/assessments')
      .flush({ history: [saved, ...DATA.history], periods: [{ ...DATA.periods[0], civilSociety: [saved] }] });
    await settle();
    const source2 = element().querySelector('article.voice[data-voice="civil_society"] .voice__source');
    expect(clean(source2?.querySelector('span')?.textContent)).toBe('From the monitoring project Monitoring of trials');
    expect(source2?.querySelector('a')?.getAttribute('href')).toBe('/projects/p-ours');
  });

  it('offers no record button to whoever has no voice on the benchmark', async () => {
    await show(EXPERT);
    expect(element().querySelector('.section-header button')).toBeNull();
  });
});
