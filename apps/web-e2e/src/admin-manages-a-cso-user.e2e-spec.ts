import type { Browser, Page } from 'playwright-core';
import { launchChromium, openedDialog, seriousAccessibilityProblems, startProduct } from './browser';

/*
 * An administrator registers a Serbian CSO and one of its members; the member signs in and works;
 * the administrator disables the account, and the member's open session visibly stops working.
 * Two browser contexts: two people on two computers, each with their own session cookie.
 */
describe('an administrator manages a civil-society user', () => {
  const DEMO_PASSWORD = 'demo-pass-2026';
  const organisation = 'Centre for Migration Monitoring (e2e)';
  const member = { name: 'Jelena Marković', email: 'jelena.markovic@cso-e2e.test', password: 'a-long-e2e-password-2026' };

  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let admin: Page;
  let cso: Page;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    // axe needs pages of an explicit context; separate contexts keep separate cookies.
    admin = await (await browser.newContext({ reducedMotion: 'no-preference' })).newPage();
    cso = await (await browser.newContext({ reducedMotion: 'no-preference' })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('signs the administrator in from the toolbar, back to the page they were on', async () => {
    await admin.goto(`${product.url}/benchmarks/RS-24-MIG-02`);
    await admin.getByRole('heading', { name: /RS-24-MIG-02/ }).waitFor();
    await admin.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await admin.getByRole('heading', { name: 'Sign in to Benchmark Tracker' }).waitFor();
    expect(await seriousAccessibilityProblems(admin)).toEqual([]);

    await signIn(admin, 'admin@demo.test', 'wrong-password-2026');
    await admin.getByRole('alert').getByText('The e-mail address or the password is not correct.').waitFor();

    await signIn(admin, 'admin@demo.test', DEMO_PASSWORD);
    await admin.waitForURL(/\/benchmarks\/RS-24-MIG-02$/);
    await admin.getByRole('heading', { name: /RS-24-MIG-02/ }).waitFor();
    await admin.getByRole('banner').getByText('Ana Admin').waitFor();
  });

  it('shows the administrator their account', async () => {
    await admin
      .getByRole('banner')
      .getByRole('button', { name: /^Account of / })
      .click();
    await admin.getByRole('menuitem', { name: 'My account' }).click();
    await admin.getByRole('heading', { name: 'My account' }).waitFor();
    await admin.getByText('admin@demo.test').waitFor();
    await admin.getByText('Administrator', { exact: true }).waitFor();
    await admin.getByText('At least 12 characters.', { exact: false }).waitFor();
    expect(await seriousAccessibilityProblems(admin)).toEqual([]);
  });

  it('registers a Serbian civil-society organisation', async () => {
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
    await admin.waitForURL(/\/admin\/users$/);
    await admin.getByRole('tab', { name: 'Organisations' }).click();
    await admin.getByRole('heading', { name: 'Organisations' }).waitFor();

    await admin.getByRole('button', { name: 'Create organisation' }).click();
    const dialog = await openedDialog(admin, 'Create an organisation');
    await dialog.getByLabel('Name').fill(organisation);
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await admin.getByRole('option', { name: 'Civil-society organisation' }).click();
    await dialog.getByRole('combobox', { name: 'Country' }).click();
    await admin.getByRole('option', { name: 'Serbia' }).click();
    await dialog.getByRole('button', { name: 'Create organisation' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = admin.getByRole('row').filter({ hasText: organisation });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([organisation, 'Civil-society organisation', 'Serbia', '0', expect.any(String)]);
  });

  it('creates a member of that organisation with the civil-society role and a password of its own', async () => {
    await admin.getByRole('tab', { name: 'Users' }).click();
    await admin.getByRole('heading', { name: 'Users' }).waitFor();
    await admin.getByRole('row').filter({ hasText: 'admin@demo.test' }).waitFor();
    expect(await seriousAccessibilityProblems(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Create user' }).click();
    const dialog = await openedDialog(admin, 'Create a user');
    await dialog.getByLabel('E-mail address').fill(member.email);
    await dialog.getByLabel('Name').fill(member.name);
    await dialog.getByRole('combobox', { name: 'Organisation' }).click();
    await admin.getByRole('option', { name: `${organisation} (Serbia)` }).click();
    await dialog.getByRole('checkbox', { name: 'Civil society' }).check();
    // The coordinator switch belongs to the ministry role only.
    expect(await dialog.getByRole('switch').count()).toBe(0);
    await dialog.getByLabel('Password (optional)').fill(member.password);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'detached' });

    // A password was given, so none is generated and no password dialog opens.
    expect(await admin.getByRole('dialog').count()).toBe(0);
    const row = admin.getByRole('row').filter({ hasText: member.email });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(0).innerText()).toBe(member.name);
    expect(await row.getByRole('cell').nth(2).innerText()).toBe(organisation);
    await row.getByText('Civil society').waitFor();
    await row.getByText('Active').waitFor();
  });

  it('lets the new member sign in, and lands them on the benchmarks for Serbia', async () => {
    await cso.goto(`${product.url}/sign-in`);
    await signIn(cso, member.email, member.password);
    await cso.waitForURL(/\/benchmarks$/);
    await cso.getByRole('heading', { name: 'Serbia — Chapter 24: Justice, freedom and security' }).waitFor();
    await cso.getByRole('status').getByText('41 benchmarks').waitFor();
    await cso.getByRole('banner').getByText(member.name).waitFor();
    // Administration is not offered to a civil-society member, and its address is refused.
    expect(await cso.getByRole('link', { name: 'Administration' }).count()).toBe(0);
  });

  it('disables the member after asking for confirmation', async () => {
    const row = admin.getByRole('row').filter({ hasText: member.email });
    await row.getByRole('button', { name: `Actions for ${member.name}` }).click();
    await admin.getByRole('menuitem', { name: 'Disable' }).click();
    const confirm = await openedDialog(admin, `Disable ${member.name}?`);
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row.getByText('Disabled').waitFor();
  });

  it('ends the member’s open session: their next step lands on the sign-in page, which says why', async () => {
    await cso.getByRole('link', { name: 'RS-24-ASY-03' }).click();
    await cso.waitForURL(/\/sign-in\?/);
    await cso.getByText('Your session has ended. Please sign in again.').waitFor();
    expect(new URL(cso.url()).searchParams.get('returnTo')).toBe('/benchmarks/RS-24-ASY-03');
    // The toolbar no longer shows the member as signed in.
    expect(await cso.getByRole('banner').getByText(member.name).count()).toBe(0);

    // And the account cannot sign in again.
    await signIn(cso, member.email, member.password);
    await cso.getByRole('alert').getByText('The e-mail address or the password is not correct.').waitFor();
  });
});
