import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/*
 * Two-step sign-in as people meet it: an administrator requires it for admins and the Commission; a
 * Commission reviewer is held at the account page until they set up an authenticator app (the key
 * typed in, as a phone without a camera would), keeps the recovery codes, and from then on signs in
 * with a code. The test plays the authenticator app with otplib.
 */
describe('two-step sign-in', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let admin: Page;
  let reviewer: Page;
  let secret = '';

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    admin = await (await browser.newContext()).newPage();
    reviewer = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** The code the app shows now, or one step later (a code is good once, so a second sign-in within 30 s needs the next one). */
  const code = (stepsAhead = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

  it('lets an administrator require it for admins and the Commission', async () => {
    await signIn(admin, product.url, 'admin@demo.test', '/admin/settings');
    await admin.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    await admin.getByRole('checkbox', { name: 'Require two-step sign-in for admins and Commission users' }).check();
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Settings saved.').waitFor();
  });

  it('holds a Commission reviewer at the account page until they set it up', async () => {
    await reviewer.goto(`${product.url}/sign-in?returnTo=%2Ftasks`);
    await reviewer.getByLabel('E-mail address').fill('commission@demo.test');
    await reviewer.getByLabel('Password', { exact: true }).fill('demo-pass-2026');
    await reviewer.getByRole('button', { name: 'Sign in', exact: true }).click();
    await reviewer.waitForURL((url) => url.pathname === '/account');
    await reviewer.getByText('Your role requires two-step sign-in.').waitFor();
    // Elsewhere is not open yet.
    await reviewer.goto(`${product.url}/tasks`);
    await reviewer.waitForURL((url) => url.pathname === '/account');

    await reviewer.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await reviewer.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    expect(await seriousAccessibilityProblems(reviewer)).toEqual([]);
    secret = (await reviewer.locator('.secret').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    await reviewer.getByRole('textbox', { name: 'Code' }).fill('000000' === (await code()) ? '111111' : '000000');
    await reviewer.getByRole('button', { name: 'Confirm' }).click();
    await reviewer.getByRole('alert').getByText('That code is not right', { exact: false }).waitFor();

    await reviewer.getByRole('textbox', { name: 'Code' }).fill(await code());
    await reviewer.getByRole('button', { name: 'Confirm' }).click();
    const codes = reviewer.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    expect(await seriousAccessibilityProblems(reviewer)).toEqual([]);
    await reviewer.getByRole('button', { name: 'I have saved them' }).click();
    await reviewer.getByText('10 recovery codes left.').waitFor();
    await reviewer.getByText('Your role requires two-step sign-in.').waitFor({ state: 'detached' });

    await reviewer.goto(`${product.url}/tasks`);
    await reviewer.waitForURL((url) => url.pathname === '/tasks');
  });

  it('asks for the code at the next sign-in, and lists the sessions', async () => {
    const laptop = await (await browser.newContext()).newPage();
    await laptop.goto(`${product.url}/sign-in?returnTo=%2Ftasks`);
    await laptop.getByLabel('E-mail address').fill('commission@demo.test');
    await laptop.getByLabel('Password', { exact: true }).fill('demo-pass-2026');
    await laptop.getByRole('button', { name: 'Sign in', exact: true }).click();
    await laptop.getByText('Enter the 6-digit code your authenticator app shows now', { exact: false }).waitFor();
    expect(await seriousAccessibilityProblems(laptop)).toEqual([]);
    await laptop.getByRole('textbox', { name: 'Code' }).fill(await code(1));
    await laptop.getByRole('button', { name: 'Verify and sign in' }).click();
    await laptop.waitForURL((url) => url.pathname === '/tasks');

    // The first browser sees the laptop among its sessions and signs it out.
    await reviewer.goto(`${product.url}/account`);
    const others = reviewer.locator('.sessions__item:not(.sessions__item--current)');
    await others.first().waitFor();
    expect(await others.count()).toBe(1);
    await reviewer.getByRole('button', { name: 'Sign out other sessions' }).click();
    await others.first().waitFor({ state: 'detached' });
    await laptop.reload();
    await laptop.waitForURL((url) => url.pathname === '/sign-in');
  });
});
