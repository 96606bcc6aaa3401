import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { UserDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { ORGANISATIONS, user } from '../../testing/admin-fixtures';
import { ADMIN_ROUTES } from '../admin.routes';
import { USER_SEARCH_DEBOUNCE_MS } from './users-page';

const MILICA = user();
const ANA = user(
  {
    id: 'user-ana',
    email: 'admin@demo.test',
    displayName: 'Ana Admin',
    organisation: { id: 'org-platform', name: 'Platform team', kind: 'platform', country: null },
  },
  [{ role: 'admin', coordinator: false }],
);
const MARKO = user(
  {
    id: 'user-marko',
    email: 'coordinator@demo.test',
    displayName: 'Marko Coordinator',
    organisation: { id: 'org-justice', name: 'Serbia, Ministry of Justice', kind: 'ministry', country: 'RS' },
    disabled: true,
  },
  [{ role: 'ministry', coordinator: true }],
);

describe('UsersPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let loader: HarnessLoader;

  async function open(users: UserDto[] = [ANA, MILICA, MARKO]): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'admin', children: ADMIN_ROUTES }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        // Dialogs close at once, so what follows a closing dialog runs without waiting for its animation.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    // Signed in as Ana, the administrator.
    TestBed.inject(AuthSession).signIn({ email: 'admin@demo.test', password: 'x' }).subscribe();
    http.expectOne('/api/auth/login').flush({ ...ANA, session: { expiresAt: '', idleTimeoutMinutes: 60 } });

    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/users');
    loader = TestbedHarnessEnvironment.documentRootLoader(harness.fixture);
    http.expectOne('/api/admin/organisations').flush(ORGANISATIONS);
    (await usersRequest()).flush(users);
    await settle();
  }

  async function usersRequest(): Promise<TestRequest> {
    TestBed.tick();
    return http.expectOne((request) => request.url === '/api/admin/users');
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const rows = (): string[][] =>
    [...element().querySelectorAll('tr[mat-row]')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );

  async function rowActions(name: string): Promise<MatMenuHarness> {
    const menu = await loader.getHarness(MatMenuHarness.with({ selector: `[aria-label="Actions for ${name}"]` }));
    await menu.open();
    return menu;
  }

  afterEach(() => http.verify());

  it('lists the users: name, e-mail, organisation, roles and status', async () => {
    await open();
    expect(rows()).toEqual([
      ['Ana Admin', 'admin@demo.test', 'Platform team', 'Administrator', 'Active', 'more_vert'],
      ['Milica Civil Society', 'milica@cso.test', 'Serbian civil-society coalition', 'Civil society', 'Active', 'more_vert'],
      ['Marko Coordinator', 'coordinator@demo.test', 'Serbia, Ministry of Justice', 'Ministry (coordinator)', 'Disabled', 'more_vert'],
    ]);
    expect(element().querySelector('[role="status"]')?.textContent?.trim()).toBe('3 users');
    const roleChips = [...element().querySelectorAll('tr[mat-row] mat-chip')].map((chip) => chip.textContent?.trim());
    expect(roleChips).toEqual(['Administrator', 'Civil society', 'Ministry (coordinator)']);
  });

  it('searches by words, after a pause in typing, and filters by organisation', async () => {
    await open();
    const search = element().querySelector('input[type="search"]') as HTMLInputElement;
    search.value = ' milica ';
    search.dispatchEvent(new Event('input'));
    TestBed.tick();
    http.expectNone((request) => request.url === '/api/admin/users'); // not while typing
    await new Promise((resolve) => setTimeout(resolve, USER_SEARCH_DEBOUNCE_MS + 20));
    (await usersRequest()).flush([MILICA]);
    await settle();
    expect(rows().map((row) => row[0])).toEqual(['Milica Civil Society']);

    const organisation = await loader.getHarness(MatSelectHarness.with({ selector: '.filters__organisation mat-select' }));
    await organisation.open();
    await organisation.clickOptions({ text: 'Serbia, Ministry of Justice (Serbia)' });
    const request = await usersRequest();
    expect(request.request.urlWithParams).toBe('/api/admin/users?q=milica&organisationId=org-justice');
    request.flush([]);
    await settle();
    expect(element().querySelector('[role="status"]')?.textContent?.trim()).toBe('No user matches.');
  });

  it('disables a user only after confirmation, then shows them disabled', async () => {
    await open();
    const menu = await rowActions('Milica Civil Society');
    await menu.clickItem({ text: /Disable/ });

    // Nothing is sent before the administrator confirms.
    http.expectNone((request) => request.url.includes('/disable'));
    const confirm = await loader.getHarness(MatDialogHarness);
    expect(await confirm.getTitleText()).toBe('Disable Milica Civil Society?');
    expect(await confirm.getContentText()).toContain('is signed out at once');
    (document.querySelector('.confirm-dialog__confirm') as HTMLButtonElement).click();
    await settle();

    const request = http.expectOne('/api/admin/users/user-milica/disable');
    expect(request.request.method).toBe('POST');
    request.flush({ ...MILICA, disabled: true });
    await settle();
    expect(rows()[1][4]).toBe('Disabled');
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('Milica Civil Society is disabled.');
  });

  it('sends nothing when the administrator cancels the confirmation', async () => {
    await open();
    await (await rowActions('Milica Civil Society')).clickItem({ text: /Disable/ });
    const confirm = await loader.getHarness(MatDialogHarness);
    await confirm.close();
    await settle();
    http.expectNone((request) => request.url.includes('/disable'));
    expect(rows()[1][4]).toBe('Active');
  });

  it('enables a disabled user at once, and does not offer to disable the administrator themselves', async () => {
    await open();
    const own = await rowActions('Ana Admin');
    expect(await Promise.all((await own.getItems()).map((item) => item.getText()))).toEqual([
      'badgeEdit roles',
      'keyReset password',
      'lock_resetUnlock sign-in',
    ]);
    await own.close();

    await (await rowActions('Marko Coordinator')).clickItem({ text: /Enable/ });
    const request = http.expectOne('/api/admin/users/user-marko/enable');
    expect(request.request.method).toBe('POST');
    request.flush({ ...MARKO, disabled: false });
    await settle();
    expect(rows()[2][4]).toBe('Active');
  });

  it('unlocks the sign-in of a user at once and says so', async () => {
    await open();
    await (await rowActions('Milica Civil Society')).clickItem({ text: /Unlock sign-in/ });
    const request = http.expectOne('/api/admin/users/user-milica/unlock');
    expect(request.request.method).toBe('POST');
    request.flush(MILICA);
    await settle();
    expect(document.querySelector('.mat-mdc-snack-bar-label')?.textContent).toContain('may sign in again at once');
  });

  it('offers to reset two-step sign-in only where it is set up, after confirmation', async () => {
    await open([ANA, { ...MILICA, secondFactorEnrolled: true }, MARKO]);
    const items = async (name: string) => Promise.all((await (await rowActions(name)).getItems()).map((item) => item.getText()));
    expect((await items('Marko Coordinator')).join(' ')).not.toContain('Reset two-step sign-in');
    await (await loader.getHarness(MatMenuHarness.with({ selector: '[aria-label="Actions for Marko Coordinator"]' }))).close();

    await (await rowActions('Milica Civil Society')).clickItem({ text: /Reset two-step sign-in/ });
    expect(document.querySelector('bt-confirm-dialog')?.textContent).toContain('signed out everywhere');
    (document.querySelector('.confirm-dialog__confirm') as HTMLButtonElement).click();
    await settle();
    const request = http.expectOne('/api/admin/users/user-milica/second-factor/reset');
    expect(request.request.method).toBe('POST');
    request.flush({ ...MILICA, secondFactorEnrolled: false });
    await settle();
    expect(document.querySelector('.mat-mdc-snack-bar-label')?.textContent).toContain('Two-step sign-in of Milica Civil Society is reset.');
  });

  it('resets a password after confirmation and shows the temporary one once', async () => {
    await open();
    await (await rowActions('Milica Civil Society')).clickItem({ text: /Reset password/ });
    (document.querySelector('.confirm-dialog__confirm') as HTMLButtonElement).click();
    await settle();

    const request = http.expectOne('/api/admin/users/user-milica/reset-password');
    expect(request.request.method).toBe('POST');
    request.flush({ user: MILICA, temporaryPassword: 'Tmp-9f3k-22xq-LM7w' });
    await settle();

    const shown = document.querySelector('bt-issued-password-dialog') as HTMLElement;
    expect(shown.querySelector('code')?.textContent).toBe('Tmp-9f3k-22xq-LM7w');
    expect(shown.textContent).toContain('This password will not be shown again.');
    expect(shown.querySelector('button')?.textContent).toContain('Copy password');
  });

  it('edits roles in a dialog and shows the new ones', async () => {
    await open();
    await (await rowActions('Milica Civil Society')).clickItem({ text: /Edit roles/ });
    await settle();
    const checkboxes = [...document.querySelectorAll<HTMLInputElement>('bt-edit-roles-dialog input[type="checkbox"]')];
    expect(checkboxes.map((box) => box.checked)).toEqual([false, false, false, false, true]);
    checkboxes[3].click(); // Peer-review expert
    (document.querySelector('bt-edit-roles-dialog button[type="submit"]') as HTMLButtonElement).click();
    await settle();

    const request = http.expectOne('/api/admin/users/user-milica/roles');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      roles: [
        { role: 'expert', coordinator: false },
        { role: 'civil_society', coordinator: false },
      ],
    });
    request.flush(user({}, request.request.body.roles));
    await settle();
    const roleChips = [...element().querySelectorAll('tr[mat-row]')][1].querySelectorAll('mat-chip');
    expect([...roleChips].map((chip) => chip.textContent?.trim())).toEqual(['Peer-review expert', 'Civil society']);
  });
});
