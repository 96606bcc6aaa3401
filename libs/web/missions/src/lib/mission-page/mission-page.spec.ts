import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import type { MissionDetailDto, RecommendationDto } from '@bt/contracts';
import { provideReadersDates } from '@bt/web/identity';
import { enUS } from 'date-fns/locale/en-US';
import { MissionPage } from './mission-page';
import { answerUploadLimit } from '@bt/web/ui/testing';

const BENCHMARKS = [
  { id: 'b-1', code: 'RS-24-MIG-01', text: 'Border management' },
  { id: 'b-2', code: 'RS-24-MIG-02', text: 'Asylum' },
];

/** What each role may do on the mission (the API's `may`). */
const EXPERT = { edit: false, write: true, share: false, followUp: false };
const COMMISSION = { edit: true, write: false, share: false, followUp: true };
const MINISTRY = { edit: false, write: false, share: false, followUp: false };

function mission(overrides: Partial<MissionDetailDto> = {}): MissionDetailDto {
  return {
    id: 'm-1',
    title: 'Border management peer review',
    countryCode: 'RS',
    startDate: '2026-05-04',
    endDate: '2026-05-06',
    benchmarks: BENCHMARKS,
    experts: [{ id: 'u-1', displayName: 'Erik Expert', memberState: 'DE' }],
    reportSubmitted: false,
    reportShared: false,
    version: 1,
    termsOfReference: null,
    meetings: [],
    findings: [],
    report: null,
    recommendations: [],
    may: EXPERT,
    ...overrides,
  } as MissionDetailDto;
}

const recommendation = (overrides: Partial<RecommendationDto> = {}): RecommendationDto => ({
  id: 'r-1',
  missionId: 'm-1',
  benchmark: BENCHMARKS[1],
  text: 'Adopt a risk-analysis manual.',
  owner: 'Border Police Directorate',
  dueDate: '2026-09-01',
  status: 'open',
  followUpNote: '',
  evidence: [],
  correctiveMeasureId: null,
  ...overrides,
});

describe('the peer-review mission page', () => {
  let fixture: ComponentFixture<MissionPage>;
  let http: HttpTestingController;
  let loader: HarnessLoader;

  async function show(m: MissionDetailDto): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideReadersDates('en', enUS),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MissionPage);
    fixture.componentRef.setInput('id', 'm-1');
    loader = TestbedHarnessEnvironment.loader(fixture);
    await settle();
    http.expectOne('/api/missions/m-1').flush(m);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => {
    answerUploadLimit(http);
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const page = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const text = (selector: string) => [...page().querySelectorAll(selector)].map((e) => e.textContent?.replace(/\s+/g, ' ').trim());
  const button = (words: string) =>
    [...page().querySelectorAll('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(words)) as HTMLButtonElement;
  const field = async (label: string) =>
    (await (
      await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }))
    ).getControl(MatInputHarness)) as MatInputHarness;
  const unsaved = () => (fixture.componentInstance as unknown as { hasUnsavedWork(): boolean }).hasUnsavedWork();

  it('is a composition of its sections, each headed on one scale', async () => {
    await show(mission());
    expect(text('h1')).toEqual(['Border management peer review (RS)']);
    expect(text('h2')).toEqual([
      'Scope and experts',
      'Terms of reference',
      'Agenda',
      'Findings per benchmark',
      'Mission report',
      'Recommendations and follow-up',
    ]);
    expect(
      page().querySelectorAll('bt-mission-scope, bt-mission-terms, bt-mission-agenda, bt-mission-findings, bt-mission-report, bt-mission-recommendations')
        .length,
    ).toBe(6);
  });

  it("tells the mission's expert what to do next where nothing is there yet", async () => {
    await show(mission());
    expect(text('.empty')).toEqual([
      'No terms of reference yet.',
      'No meeting planned yet. Add the first meeting below.',
      'No findings yet. Write the first finding after a meeting.',
      "No report yet. Upload it here once the mission's meetings are over.",
      'No recommendations yet. Add the first one below.',
    ]);
  });

  it('gives a reader who cannot act plain sentences, and no form', async () => {
    await show(mission({ experts: [], may: MINISTRY }));
    expect(text('.empty')).toEqual([
      'No expert assigned.',
      'No terms of reference yet.',
      'No meeting planned yet.',
      'The findings are shared together with the mission report.',
      'No report to show yet.',
      'No recommendation to show.',
    ]);
    expect(page().querySelectorAll('form, bt-file-drop').length).toBe(0);
  });

  it('adds a meeting from the reactive form, empties it, and asks before leaving while it is half typed', async () => {
    await show(mission());
    expect(unsaved()).toBe(false);
    await (await field('Institution')).setValue('Border Police Directorate');
    expect(unsaved()).toBe(true);
    button('Add meeting').click();
    await settle();
    // No date yet: nothing is sent.
    http.expectNone('/api/missions/m-1/meetings');
    await (await field('Meeting date')).setValue('5/5/2026');
    await (await field('Participants')).setValue('Head of the risk-analysis unit');
    button('Add meeting').click();
    await settle();
    const post = http.expectOne({ method: 'POST', url: '/api/missions/m-1/meetings' });
    expect(post.request.body).toEqual({ meetsOn: '2026-05-05', institution: 'Border Police Directorate', participants: 'Head of the risk-analysis unit' });
    post.flush(
      mission({ meetings: [{ id: 'mt-1', meetsOn: '2026-05-05', institution: 'Border Police Directorate', participants: 'Head of the risk-analysis unit' }] }),
    );
    await settle();
    expect(text('td')).toContain('Border Police Directorate');
    expect(text('[role="status"]')).toContain('Meeting added to the agenda.');
    expect(await (await field('Institution')).getValue()).toBe('');
    expect(unsaved()).toBe(false);
  });

  it('keeps a finding being written when another is saved and the mission comes back', async () => {
    await show(mission());
    await (await field('Finding on RS-24-MIG-01')).setValue('Risk analysis is **not used**.');
    await (await field('Finding on RS-24-MIG-02')).setValue('Half a thought');
    button('Save finding on RS-24-MIG-01').click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: '/api/missions/m-1/findings/b-1' });
    expect(put.request.body).toEqual({ text: 'Risk analysis is **not used**.' });
    put.flush(
      mission({ findings: [{ benchmarkId: 'b-1', text: 'Risk analysis is **not used**.', author: 'Erik Expert', updatedAt: '2026-05-05T10:00:00Z' }] }),
    );
    await settle();
    expect(text('[role="status"]')).toContain('Finding saved.');
    expect(await (await field('Finding on RS-24-MIG-02')).getValue()).toBe('Half a thought');
    expect(unsaved()).toBe(true);
  });

  it('adds a recommendation on the benchmark chosen in a Material select, then loads the mission again', async () => {
    await show(mission());
    const benchmark = await loader.getHarness(MatSelectHarness.with({ ancestor: 'bt-mission-recommendations form' }));
    expect(await benchmark.getValueText()).toBe('RS-24-MIG-01');
    await benchmark.open();
    await benchmark.clickOptions({ text: 'RS-24-MIG-02' });
    await (await field('Recommendation')).setValue('Adopt a risk-analysis manual.');
    await (await field('Owner (institution)')).setValue('Border Police Directorate');
    await (await field('Due date')).setValue('9/1/2026');
    button('Add recommendation').click();
    await settle();
    const post = http.expectOne({ method: 'POST', url: '/api/missions/m-1/recommendations' });
    expect(post.request.body).toEqual({
      benchmark: 'RS-24-MIG-02',
      text: 'Adopt a risk-analysis manual.',
      owner: 'Border Police Directorate',
      dueDate: '2026-09-01',
    });
    post.flush(recommendation());
    await settle();
    http.expectOne('/api/missions/m-1').flush(mission({ recommendations: [recommendation()] }));
    await settle();
    expect(text('bt-mission-recommendations h3')).toContain('RS-24-MIG-02: Adopt a risk-analysis manual.');
    expect(await (await field('Recommendation')).getValue()).toBe('');
    expect(await (await field('Owner (institution)')).getValue()).toBe('Border Police Directorate');
    expect(unsaved()).toBe(false);
  });

  it("follows a recommendation up: status from a Material select, a note and the benchmark's shared evidence only", async () => {
    await show(mission({ may: COMMISSION, recommendations: [recommendation()] }));
    http.expectOne('/api/benchmarks/RS-24-MIG-02/evidence').flush([
      { id: 'ev-1', title: 'Risk-analysis manual adopted', visibility: 'shared' },
      { id: 'ev-2', title: 'Internal draft', visibility: 'internal' },
    ]);
    await settle();
    const checkboxes = await loader.getAllHarnesses(MatCheckboxHarness.with({ ancestor: 'bt-recommendation-follow-up' }));
    expect(await Promise.all(checkboxes.map((c) => c.getLabelText()))).toEqual(['Risk-analysis manual adopted']);
    const status = await loader.getHarness(MatSelectHarness.with({ ancestor: 'bt-recommendation-follow-up' }));
    await status.open();
    await status.clickOptions({ text: 'In progress' });
    await (await field('Follow-up note')).setValue('Drafted, adoption in June.');
    await checkboxes[0].check();
    expect(unsaved()).toBe(true);
    button('Save follow-up').click();
    await settle();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/recommendations/r-1' });
    expect(patch.request.body).toEqual({ status: 'in_progress', followUpNote: 'Drafted, adoption in June.', evidenceIds: ['ev-1'] });
    patch.flush(recommendation({ status: 'in_progress' }));
    await settle();
    const followedUp = recommendation({
      status: 'in_progress',
      followUpNote: 'Drafted, adoption in June.',
      evidence: [{ id: 'ev-1', title: 'Risk-analysis manual adopted' }],
    });
    http.expectOne('/api/missions/m-1').flush(mission({ may: COMMISSION, recommendations: [followedUp] }));
    await settle();
    http.expectOne('/api/benchmarks/RS-24-MIG-02/evidence').flush([]);
    await settle();
    expect(text('[role="status"]')).toContain('Follow-up saved.');
    expect(text('bt-mission-recommendations .meta')[0]).toContain('In progress');
    expect(unsaved()).toBe(false);
  });

  it("uploads the report through the app's file picker with a progress bar, then loads the mission again", async () => {
    await show(mission());
    const input = page().querySelector('bt-mission-report bt-file-drop input[type="file"]') as HTMLInputElement;
    expect(button('Choose the mission report')).toBeTruthy();
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.7'], 'border-report.pdf', { type: 'application/pdf' })], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    const upload = http.expectOne({ method: 'POST', url: '/api/missions/m-1/report' });
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.event({ type: HttpEventType.UploadProgress, loaded: 30, total: 100 });
    await settle();
    expect(page().querySelector('bt-mission-report mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('30');
    upload.flush({});
    await settle();
    const report = {
      id: 'f-1',
      fileName: 'border-report.pdf',
      mediaType: 'application/pdf',
      size: 8,
      sha256: 'ab',
      uploadedAt: '2026-05-06T10:00:00Z',
      uploadedBy: 'Erik Expert',
      submittedAt: '2026-05-06T10:00:00Z',
      sharedAt: null,
    };
    http.expectOne('/api/missions/m-1').flush(mission({ report } as Partial<MissionDetailDto>));
    await settle();
    expect(text('bt-mission-report a')).toEqual(['border-report.pdf']);
    expect(text('[role="status"]')).toContain('Document uploaded.');
  });

  it('shows an upload refusal in words under the picker', async () => {
    await show(mission({ may: COMMISSION }));
    const input = page().querySelector('bt-mission-terms bt-file-drop input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['<html>'], 'tor.pdf')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    http
      .expectOne('/api/missions/m-1/terms-of-reference')
      .flush({ message: 'The file is not a PDF, DOCX or ODT document.' }, { status: 415, statusText: 'Unsupported Media Type' });
    await settle();
    expect(text('bt-mission-terms [role="alert"]')).toEqual(['The file is not a PDF, DOCX or ODT document.']);
  });
});
