import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { BenchmarkDetailDto, ExpertDto } from '@bt/contracts';
import { provideReadersDates } from '@bt/web/identity';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { availableEvent } from '../../testing/workflow-fixtures';
import { WorkflowActions } from './workflow-actions';
import { enUS } from 'date-fns/locale/en-US';

@Component({
  selector: 'bt-host',
  imports: [WorkflowActions],
  template: `<bt-workflow-actions [benchmark]="benchmark()" (changed)="changes.push($event)" />`,
})
class Host {
  readonly benchmark = signal<BenchmarkDetailDto>(benchmarkDetail());
  readonly changes: string[] = [];
}

/** The Commission's view of a submitted benchmark: three events, one of them not possible yet. */
const SUBMITTED_FOR_THE_COMMISSION = benchmarkDetail({
  code: 'RS-24-MIG-02',
  state: 'submitted',
  version: 4,
  allowedEvents: ['REQUEST_CHANGES', 'START_PEER_REVIEW'],
  availableEvents: [
    availableEvent('REQUEST_CHANGES', true, null, ['comment']),
    availableEvent('START_PEER_REVIEW', true, null, ['mission']),
    availableEvent(
      'ACCEPT',
      false,
      { code: 'workflow.mission-required', params: {}, message: 'this benchmark needs a peer-review mission before acceptance' },
      ['assessment'],
    ),
  ],
});

const ERIK: ExpertDto = { id: '5b0c1d6e-0000-4000-8000-000000000001', displayName: 'Erik Expert', organisation: 'German peer reviewers', memberState: 'DE' };
const ANNA: ExpertDto = {
  id: '5b0c1d6e-0000-4000-8000-000000000002',
  displayName: 'Anna Andersson',
  organisation: 'Swedish Migration Agency',
  memberState: 'SE',
};

describe('WorkflowActions', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;
  let loader: HarnessLoader;

  async function show(benchmark: BenchmarkDetailDto): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        // Dialogs close at once, so what follows a closing dialog runs without waiting for its animation.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideReadersDates('en', enUS),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.benchmark.set(benchmark);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const buttons = (): HTMLButtonElement[] => [...host().querySelectorAll<HTMLButtonElement>('bt-workflow-actions button')];
  const button = (name: string): HTMLButtonElement => {
    const found = buttons().find((b) => b.textContent?.trim().endsWith(name));
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const dialog = (): HTMLElement | null => document.querySelector('bt-transition-dialog');
  const confirm = async (): Promise<void> => {
    (dialog()?.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  };
  const snackBar = (): string => document.querySelector('mat-snack-bar-container')?.textContent ?? '';
  const transition = () => http.expectOne('/api/benchmarks/RS-24-MIG-02/transitions');

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  it('offers exactly the events the API lists for this user, each with its action words', async () => {
    await show(SUBMITTED_FOR_THE_COMMISSION);
    expect(buttons().map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['undo Request changes', 'groups Start peer review', 'verified Accept']);
  });

  it('offers nothing, and says so, when the user may fire no event', async () => {
    await show(benchmarkDetail({ availableEvents: [], allowedEvents: [] }));
    expect(buttons()).toEqual([]);
    expect(host().textContent).toContain('No workflow action is yours to take at this stage.');
  });

  it('shows a disabled event with its reason beside it, focusable and described by the reason', async () => {
    await show(SUBMITTED_FOR_THE_COMMISSION);
    const accept = button('Accept');
    expect(accept.getAttribute('aria-disabled')).toBe('true');
    expect(accept.disabled).toBe(false); // disabledInteractive: reachable by keyboard, so its reason can be read
    const reason = document.getElementById(accept.getAttribute('aria-describedby') ?? '') as HTMLElement;
    expect(reason.textContent?.trim()).toBe('Not possible yet. This benchmark needs a peer-review mission before acceptance.');
    expect(host().contains(reason)).toBe(true);

    expect(button('Request changes').getAttribute('aria-disabled')).not.toBe('true');
    expect(button('Request changes').hasAttribute('aria-describedby')).toBe(false);

    accept.click();
    await settle();
    expect(dialog()).toBeNull();
  });

  it('keeps an event disabled that the API lists as enabled but not among allowedEvents', async () => {
    await show(benchmarkDetail({ allowedEvents: [], availableEvents: [availableEvent('SUBMIT', true)] }));
    expect(button('Submit to the Commission').getAttribute('aria-disabled')).toBe('true');
  });

  it('asks before firing an event that carries nothing, and sends it with the version shown', async () => {
    await show(benchmarkDetail({ code: 'RS-24-MIG-02', state: 'draft', version: 7, allowedEvents: ['SUBMIT'], availableEvents: [availableEvent('SUBMIT')] }));
    button('Submit to the Commission').click();
    await settle();
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Submit to the Commission');
    expect(dialog()?.textContent).toContain('Benchmark RS-24-MIG-02');
    http.expectNone('/api/benchmarks/RS-24-MIG-02/transitions'); // nothing before confirming

    await confirm();
    const request = transition();
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ event: 'SUBMIT', version: 7 });
    request.flush({ state: 'submitted', stage: null, version: 8 });
    await settle();

    expect(dialog()).toBeNull();
    expect(snackBar()).toContain('Submitted to the Commission.');
    expect(fixture.componentInstance.changes).toEqual(['done']);
  });

  it('collects the comment of a change request, and sends it with the current version', async () => {
    await show(SUBMITTED_FOR_THE_COMMISSION);
    button('Request changes').click();
    await settle();

    await confirm(); // empty: held back
    expect(dialog()?.querySelector('mat-error')?.textContent).toContain('Enter a comment.');
    const comment = await loader.getHarness(MatInputHarness.with({ ancestor: 'bt-transition-dialog' }));
    await comment.setValue('  Add the 2025 statistics on returns.  ');
    await confirm();

    const request = transition();
    expect(request.request.body).toEqual({ event: 'REQUEST_CHANGES', version: 4, comment: 'Add the 2025 statistics on returns.' });
    request.flush({ state: 'draft', stage: null, version: 5 });
    await settle();
    expect(fixture.componentInstance.changes).toEqual(['done']);
  });

  it('plans the mission of a peer review: dates and experts from the list of experts', async () => {
    await show(SUBMITTED_FOR_THE_COMMISSION);
    button('Start peer review').click();
    await settle();
    http.expectOne('/api/experts').flush([ERIK, ANNA]);
    await settle();

    // Typed as a person in English writes dates.
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="startDate"]' }))).setValue('4/6/2026');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="endDate"]' }))).setValue('4/3/2026');
    const experts = await loader.getHarness(MatSelectHarness.with({ ancestor: 'bt-transition-dialog' }));
    await experts.open();
    const options = await Promise.all((await experts.getOptions()).map((option) => option.getText()));
    expect(options).toEqual(['Erik Expert — German peer reviewers (DE)', 'Anna Andersson — Swedish Migration Agency (SE)']);
    // A multiple choice stays open; Escape would close the dialog as well.
    await experts.clickOptions({ text: /Erik Expert/ });
    await confirm();
    expect(dialog()?.textContent).toContain('The mission cannot end before it starts.');
    http.expectNone('/api/benchmarks/RS-24-MIG-02/transitions');

    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="endDate"]' }))).setValue('4/10/2026');
    await confirm();
    expect(transition().request.body).toEqual({
      event: 'START_PEER_REVIEW',
      version: 4,
      mission: { startDate: '2026-04-06', endDate: '2026-04-10', expertIds: [ERIK.id] },
    });
  });

  it('says the benchmark changed meanwhile (409), closes the dialog and has it reloaded', async () => {
    await show(SUBMITTED_FOR_THE_COMMISSION);
    button('Request changes').click();
    await settle();
    await (await loader.getHarness(MatInputHarness.with({ ancestor: 'bt-transition-dialog' }))).setValue('More evidence, please.');
    await confirm();
    transition().flush(
      { statusCode: 409, error: 'Conflict', message: 'The benchmark changed meanwhile (version 5, not 4): reload and try again.' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();

    expect(dialog()).toBeNull();
    expect(snackBar()).toContain('Changed by someone else — reloaded.');
    expect(fixture.componentInstance.changes).toEqual(['conflict']);
  });

  it.each([
    [403, 'Forbidden', { code: 'workflow.only-commission', params: {}, message: 'only the Commission may do this' }, 'Only the Commission may do this.'],
    [
      422,
      'Unprocessable Entity',
      {
        code: 'workflow.comment-needed',
        params: { event: 'REQUEST_CHANGES' },
        message: 'REQUEST_CHANGES needs more first: a comment saying what to change is needed.',
      },
      'A comment saying what to change is needed.',
    ],
    [
      422,
      'Unprocessable Entity',
      { code: 'some.newer-code', params: {}, message: 'A reason this app does not know yet.' },
      'A reason this app does not know yet.',
    ],
  ])('shows the API’s reason for a %s in the dialog, in the reader’s words, and the dialog stays open', async (status, statusText, reason, shown) => {
    await show(SUBMITTED_FOR_THE_COMMISSION);
    button('Request changes').click();
    await settle();
    await (await loader.getHarness(MatInputHarness.with({ ancestor: 'bt-transition-dialog' }))).setValue('More evidence, please.');
    await confirm();
    transition().flush({ statusCode: status, error: statusText, ...reason }, { status, statusText });
    await settle();

    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain(shown);
    expect(fixture.componentInstance.changes).toEqual([]);
  });
});
