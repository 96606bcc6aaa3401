import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ConsultationDto } from '@bt/contracts';
import { provideReadersDates } from '@bt/web/identity';
import { ConsultationBuilder } from './consultation-builder';
import { srLatn } from 'date-fns/locale/sr-Latn';

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
