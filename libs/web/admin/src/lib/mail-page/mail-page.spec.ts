import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MailStatusDto } from '@bt/contracts';
import { ADMIN_ROUTES } from '../admin.routes';

const FAILED: MailStatusDto['failed'][number] = {
  id: '42',
  to: 'commission@demo.test',
  kind: 'benchmark.submitted',
  title: 'RS-24-MIG-01: submitted by Marko Coordinator for your review',
  attempts: 6,
  error: '451 Try again later',
  at: '2026-12-06T10:00:00.000Z',
};

describe('MailPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(status: MailStatusDto): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'admin', children: ADMIN_ROUTES }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/mail');
    http.expectOne('/api/admin/mail').flush(status);
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  afterEach(() => http.verify());
  const element = () => harness.routeNativeElement as HTMLElement;
  const text = (selector: string) => (element().querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('warns while SMTP is not set, and counts what waits', async () => {
    await open({ smtpConfigured: false, queued: 3, failed: [] });
    expect(text('.warning')).toContain('E-mail is not being sent: SMTP_URL is not set.');
    expect(text('.queued')).toBe('3 e-mails are waiting to be sent.');
    expect(text('.muted')).toBe('None.');
  });

  it('lists the e-mails that failed after every retry and queues one again', async () => {
    await open({ smtpConfigured: true, queued: 0, failed: [FAILED] });
    expect(element().querySelector('.warning')).toBeNull();
    expect(text('.failed__title')).toBe(FAILED.title);
    expect(text('.failed__meta')).toContain('To commission@demo.test');
    expect(text('.failed__meta')).toContain('6 attempts');
    expect(text('.failed__error')).toBe('451 Try again later');
    (element().querySelector('.failed__item button') as HTMLButtonElement).click();
    const retry = http.expectOne('/api/admin/mail/42/retry');
    expect(retry.request.method).toBe('POST');
    retry.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/admin/mail').flush({ smtpConfigured: true, queued: 1, failed: [] });
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
    expect(text('.queued')).toBe('1 e-mail is waiting to be sent.');
    expect(element().querySelector('.failed__item')).toBeNull();
  });
});
