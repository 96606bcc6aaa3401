import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialog, type MatDialogRef, MatDialogState } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import type { IssuedPasswordDto } from '@bt/contracts';
import { firstValueFrom } from 'rxjs';
import { ORGANISATIONS, user } from '../../testing/admin-fixtures';
import { CreateUserDialog, type CreateUserDialogData } from './create-user-dialog';

@Component({ selector: 'bt-host', template: '' })
class Host {}

describe('CreateUserDialog', () => {
  let fixture: ComponentFixture<Host>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let dialog: MatDialogRef<CreateUserDialog, IssuedPasswordDto>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    dialog = TestBed.inject(MatDialog).open<CreateUserDialog, CreateUserDialogData, IssuedPasswordDto>(CreateUserDialog, {
      data: { organisations: ORGANISATIONS },
    });
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  const role = (label: string) => loader.getHarness(MatCheckboxHarness.with({ label }));
  const coordinatorToggles = () => loader.getAllHarnesses(MatSlideToggleHarness);
  const field = (placeholderLabel: string) => loader.getHarness(MatInputHarness.with({ selector: `[formControlName="${placeholderLabel}"]` }));
  const submit = async () => {
    (document.querySelector('bt-create-user-dialog button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };

  async function fillIn(organisationName: string): Promise<void> {
    await (await field('email')).setValue('jelena@cso.test');
    await (await field('displayName')).setValue('Jelena Marković');
    const organisationSelect = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="organisationId"]' }));
    await organisationSelect.open();
    await organisationSelect.clickOptions({ text: new RegExp(`^${organisationName}`) });
  }

  it('offers one checkbox per role, and the coordinator switch only while Ministry is checked', async () => {
    const labels = await Promise.all((await loader.getAllHarnesses(MatCheckboxHarness)).map((c) => c.getLabelText()));
    expect(labels).toEqual(['Administrator', 'European Commission', 'Ministry', 'Peer-review expert', 'Civil society']);
    expect(await coordinatorToggles()).toHaveLength(0);

    await (await role('Civil society')).check();
    expect(await coordinatorToggles()).toHaveLength(0);

    await (await role('Ministry')).check();
    const [toggle] = await coordinatorToggles();
    expect(await toggle.getLabelText()).toBe('Coordinator: may submit the benchmarks of their country');

    await (await role('Ministry')).uncheck();
    expect(await coordinatorToggles()).toHaveLength(0);
  });

  it('sends a civil-society member with the password given, and closes with the answer', async () => {
    await fillIn('Serbian civil-society coalition');
    await (await role('Civil society')).check();
    await (await field('password')).setValue('a-long-password-2026');
    await submit();

    const request = http.expectOne('/api/admin/users');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      email: 'jelena@cso.test',
      displayName: 'Jelena Marković',
      organisationId: 'org-cso',
      roles: [{ role: 'civil_society', coordinator: false }],
      password: 'a-long-password-2026',
    });
    const issued = { user: user({ email: 'jelena@cso.test' }), temporaryPassword: null };
    request.flush(issued, { status: 201, statusText: 'Created' });
    expect(await firstValueFrom(dialog.afterClosed())).toEqual(issued);
  });

  it('sends a ministry coordinator, without a password so that the API generates one', async () => {
    await fillIn('Serbia, Ministry of Justice');
    await (await role('Ministry')).check();
    const [toggle] = await coordinatorToggles();
    await toggle.check();
    await submit();

    const request = http.expectOne('/api/admin/users');
    expect(request.request.body).toEqual({
      email: 'jelena@cso.test',
      displayName: 'Jelena Marković',
      organisationId: 'org-justice',
      roles: [{ role: 'ministry', coordinator: true }],
    });
    request.flush({ user: user(), temporaryPassword: 'Tmp-1234-abcd' }, { status: 201, statusText: 'Created' });
  });

  it('never sends the coordinator flag once Ministry is unchecked again', async () => {
    await fillIn('Serbia, Ministry of Justice');
    await (await role('Ministry')).check();
    await (await coordinatorToggles())[0].check();
    await (await role('Ministry')).uncheck();
    await (await role('Peer-review expert')).check();
    await submit();

    expect(http.expectOne('/api/admin/users').request.body.roles).toEqual([{ role: 'expert', coordinator: false }]);
  });

  it('holds back a password shorter than 12 characters', async () => {
    await fillIn('Serbian civil-society coalition');
    await (await field('password')).setValue('too-short');
    await submit();
    expect(document.querySelector('bt-create-user-dialog mat-error')?.textContent).toContain('The password needs at least 12 characters.');
    // (afterEach: no request was made)
  });

  it('says so at the e-mail field when the address is taken (409), and stays open', async () => {
    await fillIn('Serbian civil-society coalition');
    await submit();
    http.expectOne('/api/admin/users').flush({ statusCode: 409, error: 'Conflict', message: 'exists' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(document.querySelector('bt-create-user-dialog mat-error')?.textContent).toContain('A user with this e-mail address already exists.');
    expect(dialog.getState()).toBe(MatDialogState.OPEN);
  });

  it('shows the API’s reason when it refuses the roles (422)', async () => {
    await fillIn('Serbian civil-society coalition');
    await (await role('Ministry')).check();
    await submit();
    http
      .expectOne('/api/admin/users')
      .flush(
        { statusCode: 422, error: 'Unprocessable Entity', message: ['role ministry needs an organisation of kind ministry'] },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await fixture.whenStable();
    expect(document.querySelector('bt-create-user-dialog [role="alert"]')?.textContent).toContain('role ministry needs an organisation of kind ministry');
  });
});
