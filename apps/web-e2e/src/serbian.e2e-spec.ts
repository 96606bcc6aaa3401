import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/*
 * Serbian, as Serbian staff and visitors meet it: a first visit follows the browser's languages,
 * the toolbar switches between English, Latin and Cyrillic, the choice is kept in the browser and,
 * for a signed-in person, with their account — so it follows them to another computer.
 */
describe('Serbian in Latin and Cyrillic', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  async function visitor(locale: string): Promise<Page> {
    const context = await browser.newContext({ locale });
    contexts.push(context);
    return context.newPage();
  }

  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  it('greets a browser set to Serbian in Cyrillic, with Serbian numbers and the right <html lang>', async () => {
    const page = await visitor('sr-RS');
    await page.goto(`${product.url}/benchmarks`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await htmlLang(page)).toBe('sr-Cyrl');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/[А-Яа-яЂђЈјЉљЊњЋћЏџ]/);
    expect(await page.getByRole('navigation', { name: 'Главна' }).getByRole('link').first().innerText()).toMatch(/Мерила|мерила/);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('switches to Latin and back to English from the toolbar, and keeps the choice', async () => {
    const page = await visitor('en-GB');
    await page.goto(`${product.url}/benchmarks`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await htmlLang(page)).toBe('en');

    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitem', { name: 'Srpski (latinica)' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sr-Latn');
    await page.getByRole('navigation', { name: 'Glavna' }).waitFor();
    expect(page.url()).toMatch(/\/benchmarks$/);

    // Kept: a new page of this browser opens in Latin Serbian.
    const again = await page.context().newPage();
    await again.goto(`${product.url}/overview`);
    await again.getByRole('navigation', { name: 'Glavna' }).waitFor();
    expect(await htmlLang(again)).toBe('sr-Latn');

    // A shared link can name its language.
    await again.goto(`${product.url}/benchmarks?lang=sr-Cyrl`);
    await again.getByRole('navigation', { name: 'Главна' }).waitFor();

    await page.getByRole('button', { name: /^Jezik: / }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  it("follows a signed-in person's choice to another computer", async () => {
    const office = await visitor('en-GB');
    await signIn(office, product.url, 'ministry@demo.test');
    await office.getByRole('button', { name: 'Language: English' }).click();
    await office.getByRole('menuitem', { name: 'Srpski (latinica)' }).click();
    await office.waitForFunction(() => document.documentElement.lang === 'sr-Latn');

    const home = await visitor('en-GB');
    await home.goto(`${product.url}/sign-in?returnTo=%2Fbenchmarks`);
    await home.getByLabel('E-mail address').fill('ministry@demo.test');
    await home.getByLabel('Password', { exact: true }).fill('demo-pass-2026');
    await home.getByRole('button', { name: 'Sign in', exact: true }).click();
    await home.waitForFunction(() => document.documentElement.lang === 'sr-Latn');
    await home.getByRole('navigation', { name: 'Glavna' }).waitFor();
    expect(new URL(home.url()).pathname).toBe('/benchmarks');
  });
});
