import { provideRouter } from '@angular/router';
import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { BenchmarkDetailDto, MissionDto, RoleAssignmentDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { fileSize } from '@bt/web/ui';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { COMMISSION, COORDINATOR, EXPERT, mission, signedInUser } from '../../testing/workflow-fixtures';
import { MissionSection } from './mission-section';
import { answerUploadLimit } from '@bt/web/ui/testing';

@Component({
  selector: 'bt-host',
  imports: [MissionSection],
  template: `<bt-mission-section [benchmark]="benchmark()" [mission]="mission()" (changed)="changes = changes + 1" />`,
})
class Host {
  readonly mission = signal<MissionDto>(mission());
  readonly benchmark = signal<BenchmarkDetailDto>(benchmarkDetail({ code: 'RS-24-MIG-02', state: 'peerReview', stage: 'fieldwork', mission: this.mission() }));
  changes = 0;
}

describe('MissionSection', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;

  async function show(roles: RoleAssignmentDto[], userId: string, benchmark?: Partial<BenchmarkDetailDto>): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).signIn({ email: 'x@demo.test', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush(signedInUser(roles, { id: userId }));
    fixture = TestBed.createComponent(Host);
    if (benchmark) fixture.componentInstance.benchmark.update((b) => ({ ...b, ...benchmark }));
    await settle();
    answerUploadLimit(http);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const fileInput = (): HTMLInputElement | null => element().querySelector('input[type="file"]');
  const progressBar = (): HTMLElement | null => element().querySelector('mat-progress-bar');

  function choose(file: File): void {
    const input = fileInput() as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  // The app's file picker uploads the file as soon as it is chosen.
  async function upload(file = new File(['%PDF-1.7 report'], 'report.pdf', { type: 'application/pdf' })): Promise<TestRequest> {
    choose(file);
    await settle();
    return http.expectOne('/api/missions/mission-1/report');
  }

  it('shows the dates, the experts, and that no report is uploaded yet', async () => {
    await show(COORDINATOR, 'user-marko');
    expect(element().querySelector('.experts')?.textContent?.trim()).toBe('Erik Expert');
    expect(element().textContent).toContain('No report uploaded yet.');
    expect(element().querySelectorAll('time')[0].getAttribute('datetime')).toBe('2026-03-02');
    // The ministry sees the mission but does not upload its report.
    expect(fileInput()).toBeNull();
  });

  it('lets an assigned expert upload the report as multipart "file", with a determinate progress bar', async () => {
    await show(EXPERT, 'user-erik');
    // The picker's button says what it chooses, and its hint (which describes it) the formats and the limit.
    const button = element().querySelector('bt-file-drop button') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Choose the mission report');
    expect(
      element()
        .querySelector(`#${button.getAttribute('aria-describedby')}`)
        ?.textContent?.trim(),
    ).toBe('Mission report (PDF, DOCX or ODT, up to 50 MB)');

    const request = await upload();
    expect(request.request.method).toBe('POST');
    const body = request.request.body as FormData;
    expect((body.get('file') as File).name).toBe('report.pdf');
    expect(request.request.reportProgress).toBe(true);

    request.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await settle();
    expect(progressBar()?.getAttribute('mode')).toBe('determinate');
    expect(progressBar()?.getAttribute('aria-valuenow')).toBe('40');
    expect(element().querySelector('[role="status"]')?.textContent?.trim()).toBe('Uploading… 40%');

    request.flush(mission({ report: { fileName: 'report.pdf', sha256: 'ab'.repeat(32), size: 15, uploadedAt: '2026-03-06T10:00:00.000Z' } }));
    await settle();
    expect(progressBar()?.getAttribute('aria-valuenow')).toBe('100');
    expect(element().querySelector('[role="status"]')?.textContent?.trim()).toBe('Uploaded.');
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('lets the Commission upload too, but not an expert of another mission', async () => {
    await show(COMMISSION, 'user-claire');
    expect(fileInput()).not.toBeNull();
    TestBed.resetTestingModule();
    await show(EXPERT, 'user-someone-else');
    expect(fileInput()).toBeNull();
  });

  it('offers no upload outside the peer review', async () => {
    await show(EXPERT, 'user-erik', { state: 'accepted', stage: null });
    expect(fileInput()).toBeNull();
  });

  it.each([
    [413, 'Payload Too Large', 'The file is too large. A mission report may have up to 50 MB'],
    [415, 'Unsupported Media Type', 'This file is not a PDF, DOCX or ODT document.'],
  ])('explains a %s in words the user can act on', async (status, statusText, explanation) => {
    await show(EXPERT, 'user-erik');
    (await upload()).flush({ statusCode: status, error: statusText, message: 'x' }, { status, statusText });
    await settle();
    expect(element().querySelector('[role="alert"]')?.textContent).toContain(explanation);
    expect(fixture.componentInstance.changes).toBe(0);
  });

  it('shows an uploaded report with its name, size and SHA-256', async () => {
    await show(COMMISSION, 'user-claire');
    const report = { fileName: 'mission-report.pdf', sha256: 'c0ffee'.padEnd(64, '0'), size: 2_400_000, uploadedAt: '2026-03-06T10:00:00.000Z' };
    fixture.componentInstance.mission.set(mission({ report }));
    fixture.componentInstance.benchmark.update((b) => ({ ...b, mission: mission({ report }) }));
    await settle();
    const link = element().querySelector('a[download]') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('mission-report.pdf');
    expect(link.getAttribute('href')).toBe('/api/missions/mission-1/report');
    expect(element().textContent).toContain('(2.3 MB)');
    expect(element().querySelector('code')?.textContent).toBe(report.sha256);
    expect(element().querySelector('#mission-report-hint')?.textContent?.trim()).toContain('Replace the mission report');
  });

  it('writes file sizes as people read them', () => {
    expect([fileSize(900), fileSize(15_360), fileSize(52_428_800)]).toEqual(['900 bytes', '15 kB', '50 MB']);
  });
});
