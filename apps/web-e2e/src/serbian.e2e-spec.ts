import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { messageToCyrillic } from '@bt/i18n';
import { launchChromium, openedDialog, seriousAccessibilityProblems, signIn, startProduct } from './browser';

const locale = (file: string) =>
  (JSON.parse(readFileSync(join(__dirname, '../../web/src/locale', file), 'utf8')) as { translations: Record<string, string> }).translations;
const serbian = locale('messages.sr-Latn.json');

/** A message of the app in Cyrillic, by its id (the Serbian translation, transliterated as the app does). */
function cyrillic(id: string): string {
  if (!(id in serbian)) throw new Error(`no message ${id}`);
  return messageToCyrillic(serbian[id]).trim();
}

/** Latin letters left in a text once codes (RS-24-MIG-02), e-mail addresses, file formats (DOCX, PDF) and the given names are taken out. */
function latinLeft(text: string, names: string[]): string[] {
  let rest = text
    .replace(/\b[A-Z]{2}-\d{2}[\w.-]*/g, '')
    .replace(/\S+@\S+/g, '')
    .replace(/\b(DOCX|PDF|XML|IATI)\b/g, '');
  for (const name of names) rest = rest.split(name).join('');
  return rest.match(/[A-Za-zČčĆćĐđŠšŽž]{2,}/g) ?? [];
}

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
    const navigation = page.getByRole('navigation', { name: 'Главна' });
    for (const name of ['Почетна', 'Мерила']) await navigation.getByRole('link', { name }).waitFor();
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
    // The address keeps the language, so that it opens in Serbian for whoever it is sent to.
    await page.waitForURL(/\/benchmarks\?lang=sr-Latn$/);

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

  it('lets a coordinator work in Cyrillic: every label Cyrillic, reasons in Cyrillic, evidence added and submitted, the choice kept after signing out and in', async () => {
    const code = 'RS-24-MIG-02';
    const page = await visitor('en-GB');
    await signIn(page, product.url, 'coordinator@demo.test', `/benchmarks/${code}`);
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitem', { name: 'Српски (ћирилица)' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'sr-Cyrl');
    await page.waitForURL((url) => url.pathname === `/benchmarks/${code}` && url.searchParams.get('lang') === 'sr-Cyrl');

    // Why it cannot be submitted yet: the API's reason, by its code, in Cyrillic.
    const workflow = page.getByRole('region', { name: cyrillic('workflow.heading') });
    const submit = workflow.getByRole('button', { name: cyrillic('workflowEvent.SUBMIT.action'), exact: true });
    await submit.waitFor();
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    await workflow.getByText('Још није могуће. Потребан је бар један доказ подељен са оцењивачима.').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Every button, tab, link of the navigation and field label is Cyrillic (codes and people's names aside; icons are not words).
    const labels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, [role="tab"], nav a, label, mat-label')).map((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('mat-icon, [aria-hidden="true"]').forEach((icon) => icon.remove());
        return copy.textContent ?? '';
      }),
    );
    expect(labels.filter((label) => label.trim()).length).toBeGreaterThan(10);
    expect(labels.flatMap((label) => latinLeft(label, ['Marko Coordinator']))).toEqual([]);

    const title = 'Izmene Zakona o strancima usvojene';
    await page.getByRole('button', { name: cyrillic('evidence.add.open') }).click();
    const dialog = await openedDialog(page, cyrillic('evidence.add.title'));
    for (const label of await dialog.locator('mat-label').allInnerTexts()) expect(latinLeft(label, [])).toEqual([]);
    await dialog.getByLabel(cyrillic('evidence.add.titleField')).fill(title);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: cyrillic('evidence.add.submit') }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: cyrillic('evidence.heading') })
      .getByRole('heading', { name: title })
      .waitFor();

    await workflow.locator('button[data-event="SUBMIT"]:not([aria-disabled="true"])').waitFor();
    await submit.click();
    const confirm = await openedDialog(page, cyrillic('workflowEvent.SUBMIT.action'));
    await confirm.getByRole('button', { name: cyrillic('workflowEvent.SUBMIT.action'), exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText(cyrillic('workflowEvent.SUBMIT.done')).waitFor();

    // Signed out and in again, on the Cyrillic sign-in page: still Cyrillic.
    await page.getByRole('button', { name: /^Налог корисника / }).click();
    await page.getByRole('menuitem', { name: cyrillic('accountMenu.signOut') }).click();
    await page.getByLabel(cyrillic('signIn.email')).fill('coordinator@demo.test');
    await page.getByLabel(cyrillic('signIn.password'), { exact: true }).fill('demo-pass-2026');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByRole('button', { name: cyrillic('signIn.submit'), exact: true }).click();
    await page.getByRole('navigation', { name: 'Главна' }).waitFor();
    expect(await htmlLang(page)).toBe('sr-Cyrl');
  });
});
