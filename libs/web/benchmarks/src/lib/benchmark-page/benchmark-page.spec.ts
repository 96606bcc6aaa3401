import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import type { RoleAssignmentDto } from '@bt/contracts';
import { AuthSession, CURRENT_LANGUAGE } from '@bt/web/identity';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { availableEvent, COORDINATOR, evidenceItem, historyEvent, mission, signedInUser } from '../../testing/workflow-fixtures';
import { BENCHMARK_ROUTES } from '../benchmarks.routes';
import { answerUploadLimit } from '@bt/web/ui/testing';

describe('BenchmarkPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(url: string, signedInWith?: RoleAssignmentDto[]): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'benchmarks', children: BENCHMARK_ROUTES }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    if (signedInWith) {
      TestBed.inject(AuthSession).signIn({ email: 'x@demo.test', password: 'x' }).subscribe();
      http.expectOne('/api/auth/login').flush(signedInUser(signedInWith));
    }
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    TestBed.tick();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const text = (selector: string): string => (element().querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

  /** The public's one tab: the published assessments. */
  async function answerAssessments(code: string): Promise<void> {
    await settle();
    http.expectOne(`/api/benchmarks/${code}/assessments`).flush({ history: [], periods: [] });
    await settle();
  }

  afterEach(() => {
    answerUploadLimit(http);
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  it('shows the benchmark with its area, state and sub-requirements in order', async () => {
    await open('/benchmarks/RS-24-ASY-03');
    http.expectOne('/api/benchmarks/RS-24-ASY-03').flush(benchmarkDetail());
    await answerAssessments('RS-24-ASY-03');

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

  it("shows a Serbian reader the catalogue's Serbian texts, the official English a press away, and the English where there is none", async () => {
    TestBed.configureTestingModule({ providers: [{ provide: CURRENT_LANGUAGE, useValue: 'sr-Latn' }] });
    await open('/benchmarks/RS-24-ASY-03');
    // A test's Serbian texts, not official translations.
    const detail = benchmarkDetail({ textSr: 'Srbija obezbeđuje održivost svog sistema azila (test).' });
    detail.subRequirements[0] = { ...detail.subRequirements[0], textSr: 'Dovoljni prihvatni kapaciteti (test).' };
    http.expectOne('/api/benchmarks/RS-24-ASY-03').flush(detail);
    await answerAssessments('RS-24-ASY-03');

    const shown = (selector: string) => {
      const body = element().querySelector(`${selector} .catalogue-text__body`) as HTMLElement;
      return [body.getAttribute('lang'), body.textContent?.trim()];
    };
    expect(shown('.benchmark__text')).toEqual(['sr-Latn', 'Srbija obezbeđuje održivost svog sistema azila (test).']);
    expect(text('.benchmark__text .catalogue-text__note')).toBe('Serbian text — the official text is the English one');
    const items = [...element().querySelectorAll('ol.sub-requirements__list > li')];
    expect(items.map((li) => li.querySelector('.catalogue-text__body')?.getAttribute('lang'))).toEqual(['sr-Latn', 'en', 'en']);
    expect(items.map((li) => li.querySelectorAll('button').length)).toEqual([1, 0, 0]);

    // The benchmark's button shows its official text, and only that one.
    (element().querySelector('.benchmark__text button') as HTMLButtonElement).click();
    await settle();
    expect(shown('.benchmark__text')).toEqual(['en', 'Serbia ensures the sustainability of its asylum system.']);
    expect(items[0].querySelector('.catalogue-text__body')?.textContent?.trim()).toBe('Dovoljni prihvatni kapaciteti (test).');
    (items[0].querySelector('button') as HTMLButtonElement).click();
    await settle();
    expect(items[0].querySelector('.catalogue-text__body')?.textContent?.trim()).toBe('Sufficient reception capacity.');
    expect(items[0].querySelector('button')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('shows an English reader the official English texts alone, Serbian ones or not', async () => {
    await open('/benchmarks/RS-24-ASY-03');
    const detail = benchmarkDetail({ textSr: 'Srbija obezbeđuje održivost svog sistema azila (test).' });
    detail.subRequirements[0] = { ...detail.subRequirements[0], textSr: 'Dovoljni prihvatni kapaciteti (test).' };
    http.expectOne('/api/benchmarks/RS-24-ASY-03').flush(detail);
    await answerAssessments('RS-24-ASY-03');

    expect(text('.benchmark__text')).toBe('Serbia ensures the sustainability of its asylum system.');
    expect(text('.sub-requirement__text')).toBe('Sufficient reception capacity.');
    expect(element().querySelectorAll('.benchmark__text button, .sub-requirements button')).toHaveLength(0);
  });

  it('shows the public the evidence made public, in its own tab, with nothing to add', async () => {
    await open('/benchmarks/RS-24-ASY-03?tab=evidence');
    http.expectOne('/api/benchmarks/RS-24-ASY-03').flush(benchmarkDetail());
    await settle();
    http.expectOne('/api/benchmarks/RS-24-ASY-03/evidence').flush([evidenceItem({ title: 'Asylum statistics 2025', visibility: 'public' })]);
    await settle();

    expect([...element().querySelectorAll('[role="tab"]')].map((tab) => tab.textContent?.trim())).toEqual(['Assessments', 'Evidence', 'Support']);
    expect(text('bt-evidence-section h3')).toBe('Asylum statistics 2025');
    expect(element().textContent).not.toContain('Add evidence');
  });

  it('links back to the list', async () => {
    await open('/benchmarks/RS-24-ASY-03');
    http.expectOne('/api/benchmarks/RS-24-ASY-03').flush(benchmarkDetail());
    await answerAssessments('RS-24-ASY-03');

    const back = element().querySelector('nav[aria-label="Breadcrumb"] a') as HTMLAnchorElement;
    expect(back.getAttribute('href')).toBe('/benchmarks');
    expect(back.textContent?.trim()).toContain('Benchmarks');
  });

  it('says so when a benchmark has no sub-requirements', async () => {
    await open('/benchmarks/RS-24-APM-01');
    http.expectOne('/api/benchmarks/RS-24-APM-01').flush(benchmarkDetail({ code: 'RS-24-APM-01', subRequirements: [], subRequirementCount: 0 }));
    await answerAssessments('RS-24-APM-01');

    expect(element().querySelector('ol.sub-requirements__list')).toBeNull();
    expect(element().textContent).toContain('This benchmark has no sub-requirements.');
  });

  it('says "Benchmark not found" for an unknown code, without offering to retry', async () => {
    await open('/benchmarks/RS-24-DRG-99');
    http
      .expectOne('/api/benchmarks/RS-24-DRG-99')
      .flush({ statusCode: 404, message: 'No benchmark RS-24-DRG-99', error: 'Not Found' }, { status: 404, statusText: 'Not Found' });
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
    await answerAssessments('RS-24-ASY-03');
    expect(element().querySelector('[role="alert"]')).toBeNull();
    expect(element().querySelectorAll('ol.sub-requirements__list > li')).toHaveLength(3);
  });

  describe('for a signed-in user', () => {
    const DRAFT = benchmarkDetail({
      code: 'RS-24-MIG-02',
      state: 'draft',
      version: 3,
      allowedEvents: ['SUBMIT'],
      availableEvents: [availableEvent('SUBMIT')],
    });

    /** Each tab loads its part when it is open (evidence by default); this answers whichever asked. */
    async function answerSections(code = 'RS-24-MIG-02'): Promise<void> {
      await settle();
      http.match(`/api/benchmarks/${code}/evidence`).forEach((r) => r.flush([evidenceItem()]));
      http.match(`/api/benchmarks/${code}/proposals`).forEach((r) => r.flush([]));
      http.match(`/api/benchmarks/${code}/assessments`).forEach((r) => r.flush({ history: [], periods: [] }));
      http
        .match(`/api/benchmarks/${code}/history`)
        .forEach((r) => r.flush([historyEvent({ action: 'evidence.created', event: null, from: null, to: null, actor: 'Jelena Ministry' })]));
      await settle();
    }

    const headings = () => [...element().querySelectorAll('h2')].map((h) => h.textContent?.trim());
    /** What a screen reader reads: the text without the (aria-hidden) icons. */
    const readable = (node: Element): string => {
      const copy = node.cloneNode(true) as Element;
      copy.querySelectorAll('mat-icon').forEach((icon) => icon.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };

    it('adds the workflow, evidence, proposals and history to the page', async () => {
      await open('/benchmarks/RS-24-MIG-02', COORDINATOR);
      http.expectOne('/api/benchmarks/RS-24-MIG-02').flush(DRAFT);
      await answerSections();

      // One tab per part of the work; the first (evidence) is open and loaded.
      expect([...element().querySelectorAll('[role="tab"]')].map((tab) => tab.textContent?.trim())).toEqual(
        expect.arrayContaining(['Evidence', 'Dialogue', 'Assessments', 'History']),
      );
      expect(headings()).toEqual(['Workflow', 'Sub-requirements', 'Evidence']);
      expect(readable(element().querySelector('[aria-current="step"]') as Element)).toBe('Current: Draft');
      expect(text('.evidence li h3')).toBe('Law on Foreigners, amendments adopted');
    });

    it('shows the Commission’s request for changes on the page while the draft waits for them', async () => {
      await open('/benchmarks/RS-24-MIG-02', COORDINATOR);
      http
        .expectOne('/api/benchmarks/RS-24-MIG-02')
        .flush({ ...DRAFT, changesRequested: { by: 'Claire Commission', at: '2026-03-01T09:00:00.000Z', comment: 'Please add the 2025 conviction figures.' } });
      await answerSections();

      const notice = element().querySelector('.changes-requested') as HTMLElement;
      expect(readable(notice.querySelector('h3') as Element)).toMatch(/^Changes requested by Claire Commission, /);
      expect(text('.changes-requested__comment')).toBe('Please add the 2025 conviction figures.');
    });

    it('shows no request for changes when there is none', async () => {
      await open('/benchmarks/RS-24-MIG-02', COORDINATOR);
      http.expectOne('/api/benchmarks/RS-24-MIG-02').flush({ ...DRAFT, changesRequested: null });
      await answerSections();
      expect(element().querySelector('.changes-requested')).toBeNull();
    });

    it('shows the peer-review stage in the progress, and the mission', async () => {
      await open('/benchmarks/RS-24-MIG-02?tab=mission', COORDINATOR);
      http
        .expectOne('/api/benchmarks/RS-24-MIG-02')
        .flush(benchmarkDetail({ code: 'RS-24-MIG-02', state: 'peerReview', stage: 'fieldwork', mission: mission() }));
      await answerSections();

      const progress = element().querySelector('ol[aria-label="Workflow progress"]') as HTMLElement;
      expect([...progress.querySelectorAll(':scope > li > .step__label')].map(readable)).toEqual([
        'Completed: Draft',
        'Completed: Submitted',
        'Current: Peer review',
        'To come: Accepted',
      ]);
      expect([...progress.querySelectorAll(':scope > li ol > li')].map(readable)).toEqual([
        'Completed: Mission planned',
        'Current: Fieldwork',
        'To come: Mission reported',
      ]);
      expect(progress.querySelectorAll('[aria-current="step"]')).toHaveLength(2);
      expect(headings()).toContain('Peer-review mission');
      expect(text('.mission .experts')).toBe('Erik Expert');
    });

    it('reloads the benchmark, and every section with it, when it changed meanwhile (409), and says so', async () => {
      await open('/benchmarks/RS-24-MIG-02', COORDINATOR);
      http.expectOne('/api/benchmarks/RS-24-MIG-02').flush(DRAFT);
      await answerSections();

      const submit = [...element().querySelectorAll('bt-workflow-actions button')][0] as HTMLButtonElement;
      submit.click();
      await settle();
      (document.querySelector('bt-transition-dialog button[type="submit"]') as HTMLButtonElement).click();
      await settle();
      const request = http.expectOne('/api/benchmarks/RS-24-MIG-02/transitions');
      expect(request.request.body).toEqual({ event: 'SUBMIT', version: 3 });
      request.flush(
        { statusCode: 409, error: 'Conflict', message: 'The benchmark changed meanwhile (version 4, not 3): reload and try again.' },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();

      expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('Changed by someone else — reloaded.');
      // The page stays while the benchmark reloads, then shows what it is now.
      expect(text('h1')).toBe('Benchmark RS-24-MIG-02');
      http
        .expectOne('/api/benchmarks/RS-24-MIG-02')
        .flush(benchmarkDetail({ code: 'RS-24-MIG-02', state: 'submitted', version: 4, allowedEvents: [], availableEvents: [] }));
      await answerSections();
      expect(text('bt-benchmark-state-chip')).toBe('State: Submitted');
      expect(element().querySelectorAll('bt-workflow-actions button')).toHaveLength(0);
    });
  });
});
