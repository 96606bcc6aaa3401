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
import { DialogueTab } from './dialogue-tab';

@Component({
  selector: 'bt-host',
  imports: [DialogueTab],
  template: `<bt-dialogue-tab [benchmark]="benchmark()" (changed)="changes = changes + 1" />`,
})
class Host {
  readonly benchmark = signal<BenchmarkDetailDto>(benchmarkDetail({ code: 'RS-24-MIG-02', state: 'draft' }));
  changes = 0;
}

const ADMIN: RoleAssignmentDto[] = [{ role: 'admin', coordinator: false }];
const FIRST_ANSWER = {
  id: 'r-1',
  decision: 'not_accepted' as const,
  reasoning: 'No budget.',
  author: 'Jelena Ministry',
  createdAt: '2026-03-02T09:00:00.000Z',
};
const LATEST_ANSWER = {
  id: 'r-2',
  decision: 'partly_accepted' as const,
  reasoning: 'Training starts in 2027.',
  author: 'Jelena Ministry',
  createdAt: '2026-03-04T09:00:00.000Z',
};
const ANSWERED = proposal({
  id: 'p-2',
  text: 'Train border police on identifying victims of trafficking.',
  subRequirement: { id: 's-1', code: 'RS-24-MIG-02.1' },
  answer: LATEST_ANSWER,
  answers: [FIRST_ANSWER, LATEST_ANSWER],
  replies: [proposal({ id: 'c-1', kind: 'comment', parentId: 'p-2', text: 'We are costing it.', author: 'Jelena Ministry' })],
});
const HIDDEN = proposal({ id: 'p-3', text: null, hiddenAt: '2026-03-05T09:00:00.000Z' });
const COMMENT = proposal({ id: 'c-2', kind: 'comment', text: 'The figures lack a methodology note.', evidence: { id: 'e-1', title: 'Statistics 2025' } });

describe('DialogueTab', () => {
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
  const list = (items: ProposalDto[]) => (request: ReturnType<HttpTestingController['expectOne']>) => request.flush(items);

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const buttons = (): string[] => [...element().querySelectorAll('button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim() ?? '');
  const button = (name: string): HTMLButtonElement | undefined =>
    // A button's text may start with its icon's ligature (add_comment).
    [...element().querySelectorAll('button')].find((b) => (b.textContent?.replace(/\s+/g, ' ').trim() ?? '').replace(/^[a-z_]+(?=[A-Z])/, '') === name);
  const headings = (): string[] => [...element().querySelectorAll('li.item h3')].map((h) => h.textContent?.trim() ?? '');

  it('shows threads with their status, anchors, replies, earlier answers and hidden contributions', async () => {
    await show(CIVIL_SOCIETY, list([proposal(), ANSWERED, COMMENT, HIDDEN]));
    expect(headings()).toEqual(['Proposal 1', 'Proposal 2', 'Comment 1', 'Proposal 3']);
    const items = [...element().querySelectorAll('li.item')];
    expect(items[0].querySelector('mat-chip')?.textContent?.replace(/\s+/g, ' ').trim()).toBe("Answer: Awaiting the ministry's answer");
    expect(items[1].querySelector('mat-chip')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Answer: Partly accepted');
    expect(items[1].querySelector('.item__anchors')?.textContent).toContain('On sub-requirement RS-24-MIG-02.1');
    expect(items[1].querySelector('.replies')?.textContent).toContain('We are costing it.');
    expect(items[1].querySelector('.proposal__earlier')?.textContent).toContain('No budget.');
    expect(items[2].querySelector('.item__anchors')?.textContent).toContain('On evidence "Statistics 2025"');
    expect(items[3].textContent).toContain('Hidden by a moderator');
    // Civil society opens threads and replies; it neither answers nor hides.
    expect(button('Add proposal or comment')).toBeDefined();
    expect(buttons().some((b) => /^Answer (again|Proposal)/.test(b))).toBe(false);
    expect(buttons().some((b) => b.startsWith('Hide'))).toBe(false);
  });

  it('filters the proposals by whether they are answered', async () => {
    await show(CIVIL_SOCIETY, list([proposal(), ANSWERED, COMMENT, HIDDEN]));
    (element().querySelector('mat-button-toggle[value="unanswered"] button') as HTMLButtonElement).click();
    await settle();
    expect(headings()).toEqual(['Proposal 1']);
    (element().querySelector('mat-button-toggle[value="answered"] button') as HTMLButtonElement).click();
    await settle();
    expect(headings()).toEqual(['Proposal 2']);
  });

  it('lets the ministry answer a proposal with a decision and its reasons, and reply', async () => {
    await show(COORDINATOR, list([proposal(), ANSWERED]));
    expect(button('Add proposal or comment')).toBeUndefined();
    expect(button('Answer again: Proposal 2')).toBeDefined();
    expect(button('Reply to Proposal 1')).toBeDefined();
    button('Answer Proposal 1')?.click();
    await settle();
    expect(document.querySelector('bt-answer-dialog h2')?.textContent?.trim()).toBe('Answer Proposal 1');
    const decision = await loader.getHarness(MatRadioGroupHarness);
    await decision.checkRadioButton({ label: 'Not accepted' });
    await (await loader.getHarness(MatInputHarness.with({ ancestor: 'bt-answer-dialog' }))).setValue('Published yearly already.');
    (document.querySelector('bt-answer-dialog button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    const request = http.expectOne('/api/proposals/p-1/response');
    expect(request.request.body).toEqual({ decision: 'not_accepted', reasoning: 'Published yearly already.' });
    request.flush(ANSWERED);
    await settle();
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('shows the earlier answers in the answer dialog', async () => {
    await show(COORDINATOR, list([ANSWERED]));
    button('Answer again: Proposal 1')?.click();
    await settle();
    expect(document.querySelector('bt-answer-dialog .earlier-answers')?.textContent).toContain('No budget.');
    expect(document.querySelector('bt-answer-dialog .earlier-answers')?.textContent).toContain('Training starts in 2027.');
  });

  it('lets an admin hide a contribution with a reason', async () => {
    await show(ADMIN, list([proposal()]));
    button('Hide Proposal 1')?.click();
    await settle();
    await (await loader.getHarness(MatInputHarness.with({ ancestor: 'bt-hide-dialog' }))).setValue('Insults');
    (document.querySelector('bt-hide-dialog button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    const request = http.expectOne('/api/proposals/p-1/hide');
    expect(request.request.body).toEqual({ reason: 'Insults' });
    request.flush(HIDDEN);
    await settle();
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('tells whoever takes no part in the dialogue (404) whose it is, instead of a blank tab, and shows none of it', async () => {
    await show(EXPERT, (request) => request.flush({ statusCode: 404, error: 'Not Found', message: 'No dialogue' }, { status: 404, statusText: 'Not Found' }));
    expect(element().querySelector('h2')?.textContent?.trim()).toBe('Civil-society dialogue');
    expect(element().querySelector('p.muted')?.textContent).toContain('You do not take part in it');
    expect(element().querySelectorAll('button, li')).toHaveLength(0);
  });
});
