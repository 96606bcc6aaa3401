import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ORGANISATIONS, organisation } from '../../testing/admin-fixtures';
import { ADMIN_ROUTES } from '../admin.routes';

describe('OrganisationsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let loader: HarnessLoader;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin', children: ADMIN_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/organisations');
    loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    http.expectOne('/api/admin/organisations').flush(ORGANISATIONS);
    await settle();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const rows = (): string[][] =>
    [...element().querySelectorAll('tr[mat-row]')].map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim()));
  const button = (text: string, within: ParentNode = document): HTMLButtonElement =>
    [...within.querySelectorAll('button')].find((b) => b.textContent?.includes(text)) as HTMLButtonElement;

  async function openCreateDialog(name: string, kind: string): Promise<void> {
    button('Create organisation', element()).click();
    await settle();
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="name"]' }))).setValue(name);
    const kindSelect = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="kind"]' }));
    await kindSelect.open();
    await kindSelect.clickOptions({ text: kind });
  }

  it("lists the organisations by name in the reader's order: name, kind, country or Member State, users", () => {
    expect(rows()).toEqual([
      ['Germany, peer reviewers', 'Member State body', 'Member State: DE', '0', 'edit'],
      ['Serbia, Ministry of Justice', 'Ministry', 'Serbia', '2', 'edit'],
      ['Serbian civil-society coalition', 'Civil-society organisation', 'Serbia', '1', 'edit'],
    ]);
  });

  it('asks a civil-society organisation for its country, from the six partners, and creates it', async () => {
    await openCreateDialog('Centre for Migration Monitoring', 'Civil-society organisation');
    expect(await loader.getAllHarnesses(MatInputHarness.with({ selector: '[formControlName="memberState"]' }))).toHaveLength(0);
    const country = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="country"]' }));
    await country.open();
    const options = await Promise.all((await country.getOptions()).map((option) => option.getText()));
    expect(options).toEqual(['Albania', 'Bosnia and Herzegovina', 'Kosovo*', 'Montenegro', 'North Macedonia', 'Serbia']);
    await country.clickOptions({ text: 'Serbia' });
    button('Create organisation', document.querySelector('bt-create-organisation-dialog') as HTMLElement).click();
    await settle();

    const request = http.expectOne('/api/admin/organisations');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ name: 'Centre for Migration Monitoring', kind: 'civil_society', country: 'RS' });
    request.flush(organisation({ id: 'org-new', name: 'Centre for Migration Monitoring', userCount: 0 }), {
      status: 201,
      statusText: 'Created',
    });
    await settle();
    expect(rows().map((row) => row[0])).toContain('Centre for Migration Monitoring');
  });

  it('asks a Member State body for its two-letter code instead', async () => {
    await openCreateDialog('Bundeskriminalamt', 'Member State body');
    expect(await loader.getAllHarnesses(MatSelectHarness.with({ selector: '[formControlName="country"]' }))).toHaveLength(0);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="memberState"]' }))).setValue('de');
    button('Create organisation', document.querySelector('bt-create-organisation-dialog') as HTMLElement).click();
    await settle();

    const request = http.expectOne('/api/admin/organisations');
    expect(request.request.body).toEqual({ name: 'Bundeskriminalamt', kind: 'member_state', memberState: 'DE' });
    request.flush(organisation({ id: 'org-bka', kind: 'member_state', country: null, memberState: 'DE' }));
  });

  it('renames an organisation in a dialog', async () => {
    (element().querySelector('button[aria-label="Rename Serbia, Ministry of Justice"]') as HTMLButtonElement).click();
    await settle();
    const name = await loader.getHarness(MatInputHarness.with({ ancestor: 'bt-rename-organisation-dialog' }));
    expect(await name.getValue()).toBe('Serbia, Ministry of Justice');
    await name.setValue('Serbia, Ministry of Justice and Public Administration');
    button('Rename', document.querySelector('bt-rename-organisation-dialog') as HTMLElement).click();
    await settle();

    const request = http.expectOne('/api/admin/organisations/org-justice');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ name: 'Serbia, Ministry of Justice and Public Administration' });
    request.flush(organisation({ ...ORGANISATIONS[1], name: 'Serbia, Ministry of Justice and Public Administration' }));
    await settle();
    expect(rows()[1][0]).toBe('Serbia, Ministry of Justice and Public Administration');
  });
});
