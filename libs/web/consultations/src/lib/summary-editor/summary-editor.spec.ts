import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthSession } from '@bt/web/identity';
import { ALBANIA, consultation, reply } from '../../testing/consultation-fixtures';
import { SummaryEditor } from './summary-editor';

const closed = consultation({
  state: 'closed',
  publishedAt: null,
  questionCount: 2,
  topics: [
    {
      id: 't1',
      position: 1,
      title: 'Asylum',
      questions: [
        { id: 'q1', position: 1, text: 'What are the main gaps?', summary: null, replies: [reply('r1', ALBANIA, 'We lack staff.')] },
        { id: 'q2', position: 2, text: 'Which measures help?', summary: null, replies: [] },
      ],
    },
  ],
});

describe('the summary editor', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SummaryEditor>;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).load().subscribe();
    http.expectOne('/api/auth/current').flush({ me: { id: 'u-1', email: 'c@test', displayName: 'Commission', roles: [{ role: 'commission' }] } });
    fixture = await open();
  });

  afterEach(() => http.verify());

  /** The page as it opens (again, after a reload: a real reload destroys nothing, so neither does this). */
  async function open(): Promise<ComponentFixture<SummaryEditor>> {
    const opened = TestBed.createComponent(SummaryEditor);
    opened.componentRef.setInput('id', 'c1');
    opened.detectChanges();
    http.expectOne('/api/consultations/c1').flush(closed);
    await opened.whenStable();
    return opened;
  }

  const page = (on = fixture) => on.nativeElement as HTMLElement;
  const summary = (questionId: string, on = fixture) => page(on).querySelector(`textarea[name="summary-${questionId}"]`) as HTMLTextAreaElement;
  const kept = () => JSON.parse(localStorage.getItem('bt.draft.summaries.c1') ?? 'null') as { value: unknown } | null;
  const button = (text: string, on = fixture) => [...page(on).querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
  async function type(questionId: string, text: string) {
    summary(questionId).value = text;
    summary(questionId).dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 350));

  it('shows every recipient’s reply side by side, or that it sent none', () => {
    const replies = [...page().querySelectorAll('.replies')[0].querySelectorAll('.reply')].map((r) => [...r.children].map((part) => part.textContent?.trim()));
    expect(replies).toEqual([
      ['Albania, Ministry of Interior', 'We lack staff.'],
      ['Serbia, Ministry of Justice', 'No reply.'],
    ]);
  });

  it('keeps a half-written summary and whom it draws on across a reload, says so, and discards it on request', async () => {
    await type('q1', 'Partners lack staff.');
    (page().querySelector('mat-checkbox input') as HTMLInputElement).click();
    await settle();
    expect(kept()?.value).toEqual({ q1: { text: 'Partners lack staff.', cited: { 'o-al': true } } });
    expect(fixture.componentInstance.hasUnsavedWork()).toBe(true);

    const again = await open();
    expect(summary('q1', again).value).toBe('Partners lack staff.');
    expect((page(again).querySelector('mat-checkbox input') as HTMLInputElement).checked).toBe(true);
    expect(page(again).querySelector('.restored')?.textContent).toMatch(/Your unsaved draft from .*\d.* was restored\./);

    button('Discard the draft', again).click();
    await again.whenStable();
    expect(summary('q1', again).value).toBe('');
    expect((page(again).querySelector('mat-checkbox input') as HTMLInputElement).checked).toBe(false);
    expect(kept()).toBeNull();
  });

  it('takes a saved summary out of the draft and keeps the others', async () => {
    await type('q1', 'Partners lack staff.');
    await type('q2', 'Cooperation, half-written');
    button('Save summary 1.1').click();
    const saving = http.expectOne({ method: 'PUT', url: '/api/consultations/c1/summaries/q1' });
    expect(saving.request.body).toEqual({ text: 'Partners lack staff.', citedOrganisationIds: [] });
    saving.flush(closed);
    await fixture.whenStable();
    expect(kept()?.value).toEqual({ q2: { text: 'Cooperation, half-written' } });
    expect(page().querySelectorAll('.actions [role="status"]')[0].textContent?.trim()).toBe('Saved');
    expect(fixture.componentInstance.hasUnsavedWork()).toBe(true);

    button('Save summary 1.2').click();
    http.expectOne({ method: 'PUT', url: '/api/consultations/c1/summaries/q2' }).flush(closed);
    await fixture.whenStable();
    expect(kept()).toBeNull();
    expect(fixture.componentInstance.hasUnsavedWork()).toBe(false);
  });
});
