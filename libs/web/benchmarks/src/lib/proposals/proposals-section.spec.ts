import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import type { BenchmarkDetailDto, ProposalDto, RoleAssignmentDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { CIVIL_SOCIETY, COORDINATOR, EXPERT, proposal, signedInUser } from '../../testing/workflow-fixtures';
import { ProposalsSection } from './proposals-section';

@Component({
  selector: 'bt-host',
  imports: [ProposalsSection],
  template: `<bt-proposals-section [benchmark]="benchmark()" (changed)="changes = changes + 1" />`,
})
class Host {
  readonly benchmark = signal<BenchmarkDetailDto>(benchmarkDetail({ code: 'RS-24-MIG-02', state: 'draft' }));
  changes = 0;
}

const ANSWERED = proposal({
  id: 'p-2',
  text: 'Train border police on identifying victims of trafficking.',
  answer: { decision: 'partly_accepted', reasoning: 'Training starts in 2027.', author: 'Jelena Ministry', createdAt: '2026-03-04T09:00:00.000Z' },
});

describe('ProposalsSection', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;
  let loader: HarnessLoader;

  async function show(roles: RoleAssignmentDto[], answer: (request: ReturnType<HttpTestingController['expectOne']>) => void): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).signIn({ email: 'x@demo.test', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(signedInUser(roles));
    fixture = TestBed.createComponent(Host);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await settle();
    answer(http.expectOne('/api/benchmarks/RS-24-MIG-02/proposals'));
    await settle();
  }
  const list = (proposals: ProposalDto[]) => (request: ReturnType<HttpTestingController['expectOne']>) => request.flush(proposals);

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const button = (name: string): HTMLButtonElement | undefined =>
    [...element().querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim())?.endsWith(name));

  it('lists the proposals with whether and how the ministry answered them', async () => {
    await show(CIVIL_SOCIETY, list([proposal(), ANSWERED]));
    const items = [...element().querySelectorAll('li.item')].map((item) => ({
      heading: item.querySelector('h3')?.textContent?.trim(),
      status: item.querySelector('mat-chip')?.textContent?.replace(/\s+/g, ' ').trim(),
      answer: item.querySelector('.proposal__answer')
        ? [...item.querySelectorAll('.proposal__answer p')].map((p) => p.textContent?.replace(/\s+/g, ' ').trim())
        : null,
    }));
    expect(items).toEqual([
      { heading: 'Proposal 1', status: "Answer: Awaiting the ministry's answer", answer: null },
      { heading: 'Proposal 2', status: 'Answer: Partly accepted', answer: ['Answered by Jelena Ministry on Mar 4, 2026', 'Training starts in 2027.'] },
    ]);
    // Civil society proposes; it does not answer.
    expect(button('Add proposal')).toBeDefined();
    expect(button('proposal 1')).toBeUndefined();
  });

  it('lets the civil society of the country add a proposal', async () => {
    await show(CIVIL_SOCIETY, list([]));
    expect(element().textContent).toContain('No proposal has been made on this benchmark.');
    button('Add proposal')?.click();
    await settle();
    await (await loader.getHarness(MatInputHarness.with({ ancestor: 'bt-add-proposal-dialog' }))).setValue('Publish the return statistics.');
    (document.querySelector('bt-add-proposal-dialog button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    const request = http.expectOne((r) => r.method === 'POST' && r.url === '/api/benchmarks/RS-24-MIG-02/proposals');
    expect(request.request.body).toEqual({ text: 'Publish the return statistics.' });
    request.flush(proposal(), { status: 201, statusText: 'Created' });
    await settle();
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('lets the ministry of the country answer a proposal with a decision and its reasons', async () => {
    await show(COORDINATOR, list([proposal(), ANSWERED]));
    expect(button('Add proposal')).toBeUndefined();
    expect(button('Answer again: proposal 2')).toBeDefined();
    button('Answer proposal 1')?.click();
    await settle();
    expect(document.querySelector('bt-answer-proposal-dialog h2')?.textContent?.trim()).toBe('Answer proposal 1');
    const decision = await loader.getHarness(MatRadioGroupHarness);
    expect(await Promise.all((await decision.getRadioButtons()).map((r) => r.getLabelText()))).toEqual([
      'Accepted',
      'Partly accepted',
      'Not accepted',
    ]);
    await decision.checkRadioButton({ label: 'Not accepted' });
    await (await loader.getHarness(MatInputHarness.with({ ancestor: 'bt-answer-proposal-dialog' }))).setValue('Published yearly already.');
    (document.querySelector('bt-answer-proposal-dialog button[type="submit"]') as HTMLButtonElement).click();
    await settle();

    const request = http.expectOne('/api/proposals/p-1/response');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ decision: 'not_accepted', reasoning: 'Published yearly already.' });
    request.flush(ANSWERED);
    await settle();
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('is not shown to whoever takes no part in the dialogue (404)', async () => {
    await show(EXPERT, (request) =>
      request.flush({ statusCode: 404, error: 'Not Found', message: 'No dialogue' }, { status: 404, statusText: 'Not Found' }),
    );
    expect(element().querySelector('section')).toBeNull();
  });
});
