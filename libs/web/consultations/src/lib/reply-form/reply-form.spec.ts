import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ConsultationDto, ConsultationReplyDto } from '@bt/contracts';
import { ReplyForm } from './reply-form';

const question = (id: string, position: number, replies: ConsultationReplyDto[] = []) => ({ id, position, text: `Question ${position}?`, replies, summary: null });
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
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReplyForm);
    fixture.componentRef.setInput('id', 'c-1');
    fixture.detectChanges();
    http.expectOne('/api/consultations/c-1').flush(consultation());
    await fixture.whenStable();
  });

  afterEach(() => {
    // The attachment label asks the server's upload limit once.
    http.match('/api/settings').forEach((request) => request.flush({ uploadLimitBytes: 52_428_800 }));
    http.verify();
  });

  const textarea = (questionId: string) => fixture.nativeElement.querySelector(`textarea[name="answer-${questionId}"]`) as HTMLTextAreaElement;
  async function type(questionId: string, text: string) {
    textarea(questionId).value = text;
    textarea(questionId).dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('keeps what was typed in every reply when a document is attached to one of them', async () => {
    await type('q-1', 'Reception centres are overcrowded.');
    const input = fixture.nativeElement.querySelector('#file-q-2') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-1.7'], 'annex.pdf', { type: 'application/pdf' })] });
    (input.nextElementSibling as HTMLButtonElement).click();
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
    http.expectOne({ method: 'PUT', url: '/api/consultations/c-1/replies/q-2' }).flush({ message: 'The deadline has passed.' }, { status: 409, statusText: 'Conflict' });
    http.expectOne('/api/consultations/c-1').flush(consultation([sent]));
    await fixture.whenStable();
    expect(textarea('q-1')).toBeNull(); // sent: shown as text, no longer editable
    expect(textarea('q-2').value).toBe('Our answer to 2.');
    expect(fixture.nativeElement.textContent).toContain('The deadline has passed.');
  });
});
