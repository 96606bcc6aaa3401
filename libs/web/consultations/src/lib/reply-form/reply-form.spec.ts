import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ConsultationDto, ConsultationReplyDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { ReplyForm } from './reply-form';
import { answerUploadLimit } from '@bt/web/ui/testing';

const question = (id: string, position: number, replies: ConsultationReplyDto[] = []) => ({
  id,
  position,
  text: `Question ${position}?`,
  replies,
  summary: null,
});
const sent: ConsultationReplyDto = {
  id: 'r-1',
  questionId: 'q-1',
  organisation: { id: 'o-1', name: 'Ministry', kind: 'ministry', countryCode: 'AL' } as unknown as ConsultationReplyDto['organisation'],
  text: 'Our answer to 1.',
  status: 'sent',
  sentAt: '2026-06-01T10:00:00Z',
  author: 'A',
  updatedAt: '2026-06-01T10:00:00Z',
  files: [],
};
const consultation = (replies: ConsultationReplyDto[] = []) =>
  ({
    id: 'c-1',
    title: 'Home affairs',
    reference: 'REF',
    state: 'open',
    deadline: '2099-06-30T17:00:00Z',
    publishedAt: null,
    recipientCount: 1,
    questionCount: 2,
    introduction: '',
    version: 2,
    topics: [{ id: 't-1', position: 1, title: 'Migration', questions: [question('q-1', 1, replies), question('q-2', 2)] }],
    recipients: [],
    isRecipient: true,
    acceptingReplies: true,
    availableEvents: [],
  }) as unknown as ConsultationDto;

describe('the reply form', () => {
  let fixture: ComponentFixture<ReplyForm>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).load().subscribe();
    http.expectOne('/api/auth/current').flush({ me: { id: 'u-1', email: 'cso@test', displayName: 'CSO', roles: [{ role: 'cso' }] } });
    fixture = await open();
  });

  /** The page as it opens (again, after a reload: a real reload destroys nothing, so neither does this). */
  async function open(): Promise<ComponentFixture<ReplyForm>> {
    const opened = TestBed.createComponent(ReplyForm);
    opened.componentRef.setInput('id', 'c-1');
    opened.detectChanges();
    http.expectOne('/api/consultations/c-1').flush(consultation());
    await opened.whenStable();
    return opened;
  }

  afterEach(() => {
    answerUploadLimit(http);
    http.verify();
  });

  const textarea = (questionId: string, on = fixture) => on.nativeElement.querySelector(`textarea[name="answer-${questionId}"]`) as HTMLTextAreaElement;
  const kept = () => localStorage.getItem('bt.draft.reply.c-1');
  const button = (text: string, on = fixture) =>
    [...(on.nativeElement as HTMLElement).querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
  /** Confirms the question that sending asks, and waits for it to close (its exit animation). */
  async function confirmSending(): Promise<void> {
    await fixture.whenStable();
    (document.querySelector('bt-confirm-dialog .confirm-dialog__confirm') as HTMLButtonElement).click();
    for (let waited = 0; waited < 2000 && document.querySelector('bt-confirm-dialog'); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await fixture.whenStable();
  }
  async function type(questionId: string, text: string) {
    textarea(questionId).value = text;
    textarea(questionId).dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('keeps what was typed in every reply when a document is attached to one of them', async () => {
    await type('q-1', 'Reception centres are overcrowded.');
    // Reply 2's file picker: its button names the reply, and the document goes once chosen.
    const picker = (fixture.nativeElement.querySelector('#file-hint-q-2') as HTMLElement).closest('bt-file-drop') as HTMLElement;
    expect(picker.querySelector('button')?.textContent?.trim()).toBe('Attach a document to reply 1.2');
    const input = picker.querySelector('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.7'], 'annex.pdf', { type: 'application/pdf' })] });
    input.dispatchEvent(new Event('change'));
    http.expectOne({ method: 'POST', url: '/api/consultations/c-1/replies/q-2/files' }).flush({ id: 'f-1' });
    http.expectOne('/api/consultations/c-1').flush(consultation());
    await fixture.whenStable();
    expect(textarea('q-1').value).toBe('Reception centres are overcrowded.');
  });

  it('shows what went before a refusal as sent, and keeps the text of the rest', async () => {
    await type('q-1', 'Our answer to 1.');
    await type('q-2', 'Our answer to 2.');
    (fixture.nativeElement.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    // Sending asks first, naming how many replies go.
    await fixture.whenStable();
    const question = document.querySelector('bt-confirm-dialog') as HTMLElement;
    expect(question.textContent).toContain('2 replies go to the Commission as they are now');
    expect(http.match({ method: 'PUT' })).toEqual([]);
    (question.querySelector('.confirm-dialog__confirm') as HTMLButtonElement).click();
    // The dialog answers once it has closed (its exit animation).
    for (let waited = 0; waited < 2000 && document.querySelector('bt-confirm-dialog'); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await fixture.whenStable();
    http.expectOne({ method: 'PUT', url: '/api/consultations/c-1/replies/q-1' }).flush(sent);
    http
      .expectOne({ method: 'PUT', url: '/api/consultations/c-1/replies/q-2' })
      .flush({ message: 'The deadline has passed.' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/consultations/c-1').flush(consultation([sent]));
    await fixture.whenStable();
    expect(textarea('q-1')).toBeNull(); // sent: shown as text, no longer editable
    expect(textarea('q-2').value).toBe('Our answer to 2.');
    expect(fixture.nativeElement.textContent).toContain('The deadline has passed.');
  });

  it('keeps a typed answer across a reload, says so, and puts the saved text back when the draft is discarded', async () => {
    await type('q-1', 'Half of an answer');
    // Reloading: the browser asks first, and the last keystrokes are kept at once.
    const reloading = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(reloading);
    expect(reloading.defaultPrevented).toBe(true);
    expect(kept()).not.toBeNull();
    // The old page's own keeping, a moment after the last keystroke, is over (a reload would have ended it).
    await new Promise((resolve) => setTimeout(resolve, 350));

    const again = await open();
    expect(textarea('q-1', again).value).toBe('Half of an answer');
    expect(textarea('q-2', again).value).toBe('');
    const notice = (again.nativeElement as HTMLElement).querySelector('.restored')?.textContent ?? '';
    expect(notice).toMatch(/Your unsent draft from .*\d.* was restored\./);
    expect(again.componentInstance.hasUnsavedWork()).toBe(true);

    button('Discard the draft', again).click();
    await again.whenStable();
    expect(textarea('q-1', again).value).toBe('');
    expect((again.nativeElement as HTMLElement).querySelector('.restored')).toBeNull();
    expect(kept()).toBeNull();
    expect(again.componentInstance.hasUnsavedWork()).toBe(false);
  });

  it('has the leave guard ask only while an answer is unsaved, and keeps no draft once it is saved', async () => {
    expect(fixture.componentInstance.hasUnsavedWork()).toBe(false);
    await type('q-2', 'A draft reply');
    expect(fixture.componentInstance.hasUnsavedWork()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 350)); // kept as typed, a moment after the last keystroke
    expect(JSON.parse(kept() ?? '{}').value).toEqual({ 'q-2': 'A draft reply' });

    button('Save drafts').click();
    http
      .expectOne({ method: 'PUT', url: '/api/consultations/c-1/replies/q-2' })
      .flush({ ...sent, questionId: 'q-2', status: 'draft', sentAt: null, text: 'A draft reply' });
    http.expectOne('/api/consultations/c-1').flush(consultation());
    await fixture.whenStable();
    expect(kept()).toBeNull();
    expect(fixture.componentInstance.hasUnsavedWork()).toBe(false);
  });

  it('clears the draft once the replies are sent, and asks naming one reply when one goes', async () => {
    await type('q-1', 'Our only answer.');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(kept()).not.toBeNull();
    button('Send replies').click();
    await fixture.whenStable();
    expect(document.querySelector('bt-confirm-dialog')?.textContent).toContain('Your reply goes to the Commission as it is now');
    await confirmSending();
    http.expectOne({ method: 'PUT', url: '/api/consultations/c-1/replies/q-1' }).flush({ ...sent, text: 'Our only answer.' });
    http.expectOne('/api/consultations/c-1').flush(consultation([{ ...sent, text: 'Our only answer.' }]));
    await fixture.whenStable();
    expect(kept()).toBeNull();
    expect(fixture.componentInstance.hasUnsavedWork()).toBe(false);
    expect(fixture.nativeElement.textContent).toContain('Your replies were sent.');
  });
});
