import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ConsultationDto } from '@bt/contracts';
import { AuthSession, provideReadersDates } from '@bt/web/identity';
import { enUS } from 'date-fns/locale/en-US';
import { srLatn } from 'date-fns/locale/sr-Latn';
import { CONSULTATION_ROUTES } from '../consultations.routes';
import { ConsultationBuilder } from './consultation-builder';

@Component({ selector: 'bt-elsewhere', template: '' })
class Elsewhere {}

const draft = {
  id: 'c1',
  title: 'Reception capacity',
  reference: 'WK 1/26',
  state: 'draft',
  deadline: new Date(2026, 11, 6, 17, 0).toISOString(),
  publishedAt: null,
  introduction: '',
  version: 3,
  recipients: [],
  topics: [],
  availableEvents: [],
} as unknown as ConsultationDto;

describe('ConsultationBuilder, its deadline a date and a time in Serbian', () => {
  let fixture: ComponentFixture<ConsultationBuilder>;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideReadersDates('sr-Latn', srLatn)] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ConsultationBuilder);
    fixture.componentRef.setInput('id', 'c1');
    fixture.detectChanges();
    http.expectOne('/api/consultations/c1').flush(draft);
    http.expectOne('/api/consultation-recipients').flush([]);
    await fixture.whenStable();
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  const field = (name: string) => page.querySelector(`input[name="${name}"]`) as HTMLInputElement;
  const type = (name: string, text: string) => {
    field(name).value = text;
    field(name).dispatchEvent(new Event('input'));
    field(name).dispatchEvent(new Event('blur'));
    fixture.detectChanges();
  };
  const save = () => (page.querySelector('button[type="submit"]') as HTMLButtonElement).click();

  it('shows the deadline where the reader is, and saves it as the same instant', async () => {
    expect([field('deadline').value, field('deadlineTime').value]).toEqual(['6. 12. 2026.', '17:00']);
    save();
    expect(http.expectOne({ method: 'PUT', url: '/api/consultations/c1' }).request.body.deadline).toBe(draft.deadline);
  });

  it('saves a deadline typed as 7. 12. 2026. and 9:30', () => {
    type('deadline', '7. 12. 2026.');
    type('deadlineTime', '9:30');
    save();
    expect(http.expectOne({ method: 'PUT', url: '/api/consultations/c1' }).request.body.deadline).toBe(new Date(2026, 11, 7, 9, 30).toISOString());
  });

  it('asks for the time when only the date is given', () => {
    type('deadlineTime', '');
    save();
    fixture.detectChanges();
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Give the deadline both a date and a time.');
    // (afterEach: no request was made)
  });
});

describe('ConsultationBuilder, left with unsaved changes', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'consultations', children: CONSULTATION_ROUTES },
            { path: 'elsewhere', component: Elsewhere },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideReadersDates('en', enUS),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    TestBed.inject(AuthSession).load().subscribe();
    http.expectOne('/api/auth/current').flush({ me: { id: 'u1', email: 'c@test', displayName: 'Commission', roles: [{ role: 'commission' }] } });
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/consultations/c1/edit');
    TestBed.tick();
    http.expectOne('/api/consultations/c1').flush(draft);
    http.expectOne('/api/consultation-recipients').flush([{ id: 'o-al', name: 'Albania, Ministry of Interior', kind: 'ministry', countryCode: 'AL' }]);
    await harness.fixture.whenStable();
  });

  afterEach(() => {
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.replaceChildren());
    http.verify();
  });

  const page = () => harness.routeNativeElement as HTMLElement;
  const question = () => document.querySelector('bt-confirm-dialog');
  async function answer(button: 'Cancel' | 'Leave the page'): Promise<void> {
    for (let waited = 0; waited < 2000 && !question(); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const choice = [...(question()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === button);
    choice?.click();
  }

  it('leaves at once while nothing was changed', async () => {
    expect(await router.navigateByUrl('/elsewhere')).toBe(true);
    expect(question()).toBeNull();
  });

  it('asks before an edited title is left behind, stays when told to, and leaves when the person chooses to', async () => {
    const title = page().querySelector('input[name="title"]') as HTMLInputElement;
    title.value = 'Reception capacity, revised';
    title.dispatchEvent(new Event('input'));
    const stay = router.navigateByUrl('/elsewhere');
    await answer('Cancel');
    expect(await stay).toBe(false);
    expect(router.url).toBe('/consultations/c1/edit');
    expect((page().querySelector('input[name="title"]') as HTMLInputElement).value).toBe('Reception capacity, revised');

    const leave = router.navigateByUrl('/elsewhere');
    await answer('Leave the page');
    expect(await leave).toBe(true);
  });

  it('asks after a topic was added, and no longer once the draft is saved', async () => {
    ([...page().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add a topic') as HTMLButtonElement).click();
    harness.fixture.detectChanges();
    expect(page().querySelector('input[name="topic-0"]')).not.toBeNull();
    const stay = router.navigateByUrl('/elsewhere');
    await answer('Cancel');
    expect(await stay).toBe(false);

    (page().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const saving = http.expectOne({ method: 'PUT', url: '/api/consultations/c1' });
    expect(saving.request.body.topics).toEqual([{ title: '', questions: [] }]);
    saving.flush({ ...draft, version: 4, topics: [{ id: 't1', position: 1, title: '', questions: [] }] });
    await harness.fixture.whenStable();
    expect(await router.navigateByUrl('/elsewhere')).toBe(true);
    expect(question()).toBeNull();
  });
});

describe('ConsultationBuilder, a consultation no longer a draft', () => {
  it('shows it with nothing to type or add, so there is nothing to lose', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideReadersDates('en', enUS)] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ConsultationBuilder);
    fixture.componentRef.setInput('id', 'c1');
    fixture.detectChanges();
    http
      .expectOne('/api/consultations/c1')
      .flush({ ...draft, state: 'open', topics: [{ id: 't1', position: 1, title: 'Asylum', questions: [{ id: 'q1', position: 1, text: 'Gaps?' }] }] });
    http.expectOne('/api/consultation-recipients').flush([]);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('no longer a draft');
    expect([...page.querySelectorAll('input, textarea')].every((field) => (field as HTMLInputElement).disabled)).toBe(true);
    expect([...page.querySelectorAll('form button')].every((button) => (button as HTMLButtonElement).disabled)).toBe(true);
    expect(fixture.componentInstance.hasUnsavedWork()).toBe(false);
    http.verify();
  });
});
