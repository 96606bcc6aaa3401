import { provideHttpClient } from '@angular/common/http';
import { Component } from '@angular/core';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import type { LiveChangeDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { LiveChanges } from '@bt/web/live';
import { ScriptedEventSource } from '@bt/web/live/testing';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { COMMISSION, historyEvent, signedInUser } from '../../testing/workflow-fixtures';
import { BENCHMARK_ROUTES } from '../benchmarks.routes';
import { answerUploadLimit } from '@bt/web/ui/testing';

/** Any dialog the user may have open (a form half filled). */
@Component({ template: '<p>Half-filled form</p>' })
class SomeDialog {}

// The open benchmark page follows what others change, through the live stream (GET /api/events).
describe('BenchmarkPage, live', () => {
  const CODE = 'RS-24-MIG-02';
  const SUBMITTED = benchmarkDetail({ id: 'b-mig-02', code: CODE, state: 'submitted', version: 4, allowedEvents: [], availableEvents: [] });
  const CLAIRE = signedInUser(COMMISSION, { id: 'user-claire', displayName: 'Claire Commission', email: 'commission@demo.test' });
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeAll(() => {
    (globalThis as { EventSource?: unknown }).EventSource = ScriptedEventSource;
  });
  afterAll(() => {
    delete (globalThis as { EventSource?: unknown }).EventSource;
  });

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'benchmarks', children: BENCHMARK_ROUTES }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).signIn({ email: 'x@demo.test', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(CLAIRE);
    TestBed.inject(LiveChanges).connect();
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/benchmarks/${CODE}`);
    TestBed.tick();
    http.expectOne(`/api/benchmarks/${CODE}`).flush(SUBMITTED);
    await answerSections();
  });

  afterEach(() => {
    answerUploadLimit(http);
    http.verify();
    TestBed.inject(MatDialog).closeAll();
    TestBed.inject(LiveChanges).disconnect();
  });

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  async function answerSections(): Promise<void> {
    await settle();
    http.match(`/api/benchmarks/${CODE}/evidence`).forEach((r) => r.flush([]));
    http.match(`/api/benchmarks/${CODE}/proposals`).forEach((r) => r.flush([]));
    http.match(`/api/benchmarks/${CODE}/assessments`).forEach((r) => r.flush({ history: [], periods: [] }));
    await settle();
  }

  const change = (overrides: Partial<LiveChangeDto> = {}): LiveChangeDto => ({
    event: '41',
    type: 'benchmark',
    id: 'b-mig-02',
    by: 'user-marko',
    ...overrides,
  });
  const notice = () => ((harness.routeNativeElement as HTMLElement).querySelector('.live-notice span')?.textContent ?? '').trim();

  it('loads the benchmark again when someone else changes it, and names the change and its author', async () => {
    ScriptedEventSource.last?.send('change', change());
    await settle();
    http.expectOne(`/api/benchmarks/${CODE}`).flush({ ...SUBMITTED, state: 'accepted', version: 5 });
    http.expectOne(`/api/benchmarks/${CODE}/history`).flush([historyEvent({ id: '40', action: 'evidence.created', event: null }), historyEvent({ id: '41' })]);
    await answerSections();
    expect(notice()).toBe('Submitted to the Commission by Marko Coordinator just now.');
    expect(((harness.routeNativeElement as HTMLElement).querySelector('bt-benchmark-state-chip')?.textContent ?? '').trim()).toBe('State: Accepted');
  });

  it('names no author the reader may not see in the history', async () => {
    ScriptedEventSource.last?.send('change', change({ event: '99' }));
    await settle();
    http.expectOne(`/api/benchmarks/${CODE}`).flush(SUBMITTED);
    http.expectOne(`/api/benchmarks/${CODE}/history`).flush([historyEvent({ id: '41' })]);
    await answerSections();
    expect(notice()).toBe('This benchmark was just changed by someone else.');
  });

  it('ignores the reader’s own changes and changes to other benchmarks', async () => {
    ScriptedEventSource.last?.send('change', change({ by: 'user-claire' }));
    ScriptedEventSource.last?.send('change', change({ id: 'b-other' }));
    await settle();
    http.expectNone(`/api/benchmarks/${CODE}`);
    expect(notice()).toBe('');
  });

  it('does not load the page again under an open dialog: it says so, and loads once the dialog is closed', async () => {
    const dialog = TestBed.inject(MatDialog).open(SomeDialog);
    await settle();
    ScriptedEventSource.last?.send('change', change());
    await settle();
    http.expectNone(`/api/benchmarks/${CODE}`);
    http.expectOne(`/api/benchmarks/${CODE}/history`).flush([historyEvent({ id: '41' })]);
    await settle();
    expect(notice()).toBe('Submitted to the Commission by Marko Coordinator just now. The page shows it once you close the dialog.');

    dialog.close();
    await settle();
    http.expectOne(`/api/benchmarks/${CODE}`).flush(SUBMITTED);
    await answerSections();
  });

  it('loads again after the stream was broken and came back (changes may have been missed)', async () => {
    const source = ScriptedEventSource.last as ScriptedEventSource;
    source.dispatchEvent(new Event('error'));
    source.dispatchEvent(new Event('open'));
    await settle();
    http.expectOne(`/api/benchmarks/${CODE}`).flush(SUBMITTED);
    await answerSections();
    // A stream the server ended on purpose (bye) reconnects without a reload.
    source.send('bye', {});
    source.dispatchEvent(new Event('error'));
    source.dispatchEvent(new Event('open'));
    await settle();
    http.expectNone(`/api/benchmarks/${CODE}`);
  });
});
