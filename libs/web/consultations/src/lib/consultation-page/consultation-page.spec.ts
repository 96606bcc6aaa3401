import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ConsultationDto } from '@bt/contracts';
import { provideReadersDates } from '@bt/web/identity';
import { CONSULTATION_ROUTES } from '../consultations.routes';
import { enUS } from 'date-fns/locale/en-US';
import { ALBANIA, consultation, reply } from '../../testing/consultation-fixtures';

/** Published, with one question summarised from Albania's reply (whose HTML the page must not run). */
function published(overrides: Partial<ConsultationDto> = {}): ConsultationDto {
  return consultation({
    reference: 'WK 1/26',
    topics: [
      {
        id: 't1',
        position: 1,
        title: 'Asylum',
        questions: [
          {
            id: 'q1',
            position: 1,
            text: 'What are the main gaps?',
            summary: { text: 'Staff is **lacking**.', cited: [ALBANIA], updatedAt: '2026-05-10T10:00:00.000Z' },
            replies: [reply('r1', ALBANIA, 'We lack staff. <img src=x onerror="alert(1)">')],
          },
        ],
      },
    ],
    ...overrides,
  });
}

describe('ConsultationPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(dto: ConsultationDto): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'consultations', children: CONSULTATION_ROUTES }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideReadersDates('en', enUS),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/consultations/${dto.id}`);
    TestBed.tick();
    http.expectOne(`/api/consultations/${dto.id}`).flush(dto);
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
    return harness.routeNativeElement as HTMLElement;
  }

  const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
  afterEach(() => http.verify());

  it('shows a published consultation’s summary with whom it cites, and the replies rendered sanitised', async () => {
    const page = await open(published());
    expect(clean(page.querySelector('h1')?.textContent)).toBe('Reception capacity');
    expect(page.querySelector('.summary strong')?.textContent).toBe('lacking');
    expect(clean(page.querySelector('.summary .meta')?.textContent)).toBe('Draws on the replies of: Albania, Ministry of Interior');
    const reply = page.querySelector('.reply') as HTMLElement;
    expect(clean(reply.querySelector('.reply__who')?.textContent)).toBe('Albania, Ministry of Interior');
    expect(reply.querySelector('img')).toBeNull();
    // Nothing to act on, only the consultation document to download (Word, PDF).
    expect([...page.querySelectorAll('button')].map((b) => b.getAttribute('data-format'))).toEqual(['docx', 'pdf']);
  });

  it('offers the Commission the events the API lists, disabled with the reason when a condition is unmet', async () => {
    const page = await open(
      published({
        state: 'closed',
        publishedAt: null,
        availableEvents: [
          { type: 'REOPEN', enabled: true, reason: null, payload: ['deadline'] },
          {
            type: 'SUMMARISE',
            enabled: false,
            reason: { code: 'workflow.questions-unsummarised', params: { count: 1 }, message: 'questions still without a summary: 1' },
            payload: [],
          },
        ],
      }),
    );
    const buttons = [...page.querySelectorAll('.actions > button')].map((b) => [clean(b.textContent), (b as HTMLButtonElement).disabled]);
    expect(buttons).toEqual([
      ['Reopen', false],
      ['Mark as summarised', true],
    ]);
    expect(clean(page.querySelector('.reason')?.textContent)).toBe('Questions still without a summary: 1.');
    expect(page.querySelector('input[name="newDeadline"].mat-datepicker-input')).not.toBeNull();
    expect(page.querySelector('input[name="newDeadlineTime"]')).not.toBeNull();
  });

  it('reopens with the new deadline typed as a date and a time where the reader is, sent as the same instant as before', async () => {
    const closed = published({
      state: 'closed',
      publishedAt: null,
      availableEvents: [{ type: 'REOPEN', enabled: true, reason: null, payload: ['deadline'] }],
    });
    const page = await open(closed);
    const reopen = page.querySelector('.actions > button') as HTMLButtonElement;
    const type = (name: string, text: string) => {
      const input = page.querySelector(`input[name="${name}"]`) as HTMLInputElement;
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      harness.fixture.detectChanges();
    };

    type('newDeadline', '6/15/2026');
    reopen.click();
    harness.fixture.detectChanges();
    expect(clean(page.querySelector('[role="alert"]')?.textContent)).toBe('Choose the new deadline first.');

    type('newDeadlineTime', '5:30 PM');
    expect((page.querySelector('input[name="newDeadline"]') as HTMLInputElement).value).toBe('6/15/2026');
    reopen.click();
    const request = http.expectOne('/api/consultations/c1/transitions');
    expect(request.request.body).toEqual({ event: 'REOPEN', version: 5, deadline: new Date(2026, 5, 15, 17, 30).toISOString() });
    request.flush({ state: 'open', version: 6 });
    TestBed.tick();
    http.expectOne('/api/consultations/c1').flush({ ...closed, state: 'open', version: 6, availableEvents: [] });
  });

  it('leads a recipient to the reply form while replies are accepted', async () => {
    const page = await open(published({ state: 'open', publishedAt: null, isRecipient: true, acceptingReplies: true, topics: [] }));
    const link = [...page.querySelectorAll('a')].find((a) => clean(a.textContent) === 'Reply to the questions');
    expect(link?.getAttribute('href')).toBe('/consultations/c1/reply');
  });
});
