import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import type { BenchmarkDetailDto, RoleAssignmentDto } from '@bt/contracts';
import { AuthSession, provideReadersDates } from '@bt/web/identity';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { CIVIL_SOCIETY, COORDINATOR, evidenceItem, signedInUser } from '../../testing/workflow-fixtures';
import { EvidenceSection } from './evidence-section';
import { enUS } from 'date-fns/locale/en-US';
import { answerUploadLimit } from '@bt/web/ui/testing';

@Component({
  selector: 'bt-host',
  imports: [EvidenceSection],
  template: `<bt-evidence-section [benchmark]="benchmark()" (changed)="changes = changes + 1" />`,
})
class Host {
  readonly benchmark = signal<BenchmarkDetailDto>(benchmarkDetail({ code: 'RS-24-MIG-02', state: 'draft' }));
  changes = 0;
}

describe('EvidenceSection', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;
  let loader: HarnessLoader;

  async function show(roles: RoleAssignmentDto[], state: BenchmarkDetailDto['state'] = 'draft', country = 'RS'): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideReadersDates('en', enUS),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthSession).signIn({ email: 'x@demo.test', password: 'x' }).subscribe();
    const user = signedInUser(roles);
    http.expectOne('/api/auth/login').flush({ ...user, organisation: { ...user.organisation, country } });
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.benchmark.set(benchmarkDetail({ code: 'RS-24-MIG-02', state }));
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await settle();
    http
      .expectOne('/api/benchmarks/RS-24-MIG-02/evidence')
      .flush([evidenceItem(), evidenceItem({ id: 'ev-2', title: 'Internal note', narrative: '', visibility: 'internal' })]);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => {
    answerUploadLimit(http);
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const addButton = (): HTMLButtonElement | undefined => [...element().querySelectorAll('button')].find((b) => b.textContent?.includes('Add evidence'));

  it('lists the evidence: title, visibility, author, date and narrative', async () => {
    await show(CIVIL_SOCIETY);
    const items = [...element().querySelectorAll('li.item')].map((item) => ({
      title: item.querySelector('h3')?.textContent?.trim(),
      visibility: item.querySelector('mat-chip')?.textContent?.replace(/\s+/g, ' ').trim(),
      meta: item.querySelector('.item__meta')?.textContent?.replace(/\s+/g, ' ').trim(),
      text: item.querySelector('.item__narrative')?.textContent?.trim(),
    }));
    expect(items).toEqual([
      {
        title: 'Law on Foreigners, amendments adopted',
        visibility: 'Visibility: Shared',
        meta: 'Added by Jelena Ministry on Mar 1, 2026',
        text: 'Adopted by the National Assembly in March.',
      },
      { title: 'Internal note', visibility: 'Visibility: Internal', meta: 'Added by Jelena Ministry on Mar 1, 2026', text: undefined },
    ]);
    expect(addButton()).toBeUndefined();
  });

  it('offers the ministry of the country to add evidence only while the benchmark is a draft', async () => {
    await show(COORDINATOR, 'submitted');
    expect(addButton()).toBeUndefined();
    TestBed.resetTestingModule();
    await show(COORDINATOR, 'draft', 'AL');
    expect(addButton()).toBeUndefined();
  });

  it('adds evidence, shared by default, and has the benchmark reloaded', async () => {
    await show(COORDINATOR);
    addButton()?.click();
    await settle();
    const visibility = await loader.getHarness(MatRadioGroupHarness);
    expect(await visibility.getCheckedValue()).toBe('shared');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="title"]' }))).setValue(' Returns statistics 2025 ');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="narrative"]' }))).setValue('Quarterly figures.');
    await visibility.checkRadioButton({ label: /^Public/ });
    // The period, typed as a person in English writes dates.
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="periodStart"]' }))).setValue('1/1/2025');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="periodEnd"]' }))).setValue('12/31/2025');
    (document.querySelector('bt-add-evidence-dialog button[type="submit"]') as HTMLButtonElement).click();
    await settle();

    const request = http.expectOne((r) => r.method === 'POST' && r.url === '/api/benchmarks/RS-24-MIG-02/evidence');
    expect(request.request.body).toEqual({
      title: 'Returns statistics 2025',
      narrative: 'Quarterly figures.',
      visibility: 'public',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    });
    request.flush(evidenceItem({ title: 'Returns statistics 2025' }), { status: 201, statusText: 'Created' });
    await settle();
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('Evidence “Returns statistics 2025” added.');
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('shows why evidence could not be added (409 once submitted)', async () => {
    await show(COORDINATOR);
    addButton()?.click();
    await settle();
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="title"]' }))).setValue('Late item');
    (document.querySelector('bt-add-evidence-dialog button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    http
      .expectOne((r) => r.method === 'POST')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Evidence is read-only while the benchmark is submitted.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(document.querySelector('bt-add-evidence-dialog [role="alert"]')?.textContent).toContain('read-only while the benchmark is submitted');
  });

  it('uploads a chosen file as multipart "file" with a determinate progress bar, then has the benchmark reloaded', async () => {
    await show(COORDINATOR);
    const input = element().querySelector('li.item bt-evidence-upload input[type="file"]') as HTMLInputElement;
    const file = new File(['%PDF-1.7 statistics'], 'statistics.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    const request = http.expectOne((r) => r.method === 'POST' && r.url === '/api/evidence/ev-1/files');
    expect(request.request.reportProgress).toBe(true);
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    request.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await settle();
    const bar = element().querySelector('bt-evidence-upload mat-progress-bar');
    expect(bar?.getAttribute('mode')).toBe('determinate');
    expect(bar?.getAttribute('aria-valuenow')).toBe('40');
    expect(element().querySelector('bt-evidence-upload')?.textContent).toContain('Uploading statistics.pdf — 40 %');
    const file1 = {
      id: 'f-1',
      fileName: 'statistics.pdf',
      mediaType: 'application/pdf',
      kind: 'pdf' as const,
      sha256: 'ab'.repeat(32),
      size: 19,
      uploadedAt: '2026-03-02T09:00:00.000Z',
      uploadedBy: 'Petar Coordinator',
    };
    request.flush(evidenceItem({ version: 2, files: [file1] }));
    await settle();
    expect(fixture.componentInstance.changes).toBe(1);
    expect(element().querySelector('bt-evidence-upload mat-progress-bar')).toBeNull();
  });

  it('shows an upload refused for its type in words', async () => {
    await show(COORDINATOR);
    const input = element().querySelector('li.item bt-evidence-upload input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['<html>'], 'x.pdf')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    http.expectOne((r) => r.method === 'POST').flush({ statusCode: 415, message: 'no' }, { status: 415, statusText: 'Unsupported Media Type' });
    await settle();
    expect(element().querySelector('bt-evidence-upload [role="alert"]')?.textContent).toContain('This kind of file is not accepted');
  });

  it('lists the files with their type, size and SHA-256, and the versions with a diff of the narrative', async () => {
    await show(CIVIL_SOCIETY);
    expect(element().querySelector('bt-evidence-upload')).toBeNull();
    const versionsButton = [...element().querySelectorAll('button')].find((b) => b.textContent?.includes('Versions')) as HTMLButtonElement;
    versionsButton.click();
    await settle();
    const base = {
      title: 'Law',
      visibility: 'shared' as const,
      periodStart: null,
      periodEnd: null,
      subRequirementIds: [],
      links: [],
      files: [],
      author: 'Jelena Ministry',
      createdAt: '2026-03-01T09:00:00.000Z',
    };
    http.expectOne('/api/evidence/ev-1/versions').flush([
      { ...base, version: 1, narrative: 'Adopted in March.', changes: ['created'] },
      { ...base, version: 2, narrative: 'Adopted in April.', changes: ['narrative'] },
    ]);
    await settle();
    const dialog = document.querySelector('bt-evidence-versions-dialog') as HTMLElement;
    expect([...dialog.querySelectorAll('h3')].map((h) => h.textContent?.trim())).toEqual(['Version 2', 'Version 1']);
    expect(dialog.querySelector('del')?.textContent).toContain('March');
    expect(dialog.querySelector('ins')?.textContent).toContain('April');
  });
});
