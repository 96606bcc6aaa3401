import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { messageToCyrillic } from '@bt/i18n';
import { launchChromium, openedDialog, seriousAccessibilityProblems, signIn, startProduct } from './browser';

const serbian = (JSON.parse(readFileSync(join(__dirname, '../../web/src/locale/messages.sr-Latn.json'), 'utf8')) as { translations: Record<string, string> })
  .translations;
/** A text of the app in Latin Serbian, by its message id. */
const sr = (id: string) => serbian[id].trim();

/*
 * Dates as Serbian readers write them: a date field shows 6. 12. 2026., reads it back typed so (or
 * without the spaces), in Latin and in Cyrillic alike, and the API gets the day 2026-12-06.
 */
describe('date fields in Serbian', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US', reducedMotion: 'no-preference' })).newPage();
    await signIn(page, product.url, 'ministry@demo.test', '/action-plan');
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('adds an activity whose deadline is typed 6. 12. 2026., and the Action Plan shows that day', async () => {
    await page.goto(`${product.url}/action-plan?lang=sr-Latn`);
    await page.getByRole('button', { name: sr('actionPlan.add.open') }).click();
    const dialog = await openedDialog(page, sr('actionPlan.add.title'));
    await dialog.getByRole('combobox', { name: sr('actionPlan.add.benchmark') }).click();
    await page.getByRole('option', { name: /^RS-24-TER-01/ }).click();
    await dialog.getByLabel(sr('actionPlan.add.code')).fill('E2E-SR-1');
    await dialog.getByLabel(sr('actionPlan.add.activityTitle')).fill('Obuka granične policije');
    await dialog.getByLabel(sr('actionPlan.add.institution')).fill('Uprava granične policije');

    const deadline = dialog.getByLabel(sr('actionPlan.add.deadline'), { exact: true });
    // A text that is no date says how to write one.
    await deadline.fill('12/6/2026');
    await deadline.blur();
    await dialog.getByText(sr('dates.unreadable').replace('{$example}', `31. 12. ${new Date().getFullYear()}.`)).waitFor();
    await deadline.fill('6. 12. 2026.');
    await deadline.blur();
    expect(await deadline.inputValue()).toBe('6. 12. 2026.');

    // The calendar beside it, named in Serbian, opens on that day.
    await dialog.getByRole('button', { name: sr('dates.openCalendar') }).click();
    const calendar = page.getByRole('dialog', { name: sr('actionPlan.add.deadline') });
    await calendar.waitFor();
    expect(await calendar.getByRole('button', { name: sr('dates.chooseMonthYear') }).innerText()).toMatch(/dec\.? 2026/i);
    expect(await calendar.locator('.mat-calendar-body-selected').innerText()).toBe('6');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });

    await dialog.getByRole('button', { name: sr('actionPlan.add.submit') }).click();
    await dialog.waitFor({ state: 'detached' });
    const added = page.locator('li[data-activity="E2E-SR-1"]');
    await added.locator('time[datetime="2026-12-06"]').waitFor();
    expect(await added.locator('time[datetime="2026-12-06"]').innerText()).toBe('6. 12. 2026.');
  });

  it('reads the same digits in Cyrillic, spaces or none', async () => {
    await page.goto(`${product.url}/action-plan?lang=sr-Cyrl`);
    await page.getByRole('button', { name: messageToCyrillic(sr('actionPlan.add.open')) }).click();
    const dialog = await openedDialog(page, messageToCyrillic(sr('actionPlan.add.title')));
    const deadline = dialog.getByLabel(messageToCyrillic(sr('actionPlan.add.deadline')), { exact: true });
    await deadline.fill('7.12.2026');
    await deadline.blur();
    expect(await deadline.inputValue()).toBe('7. 12. 2026.');
    await dialog.getByRole('button', { name: messageToCyrillic(sr('dates.openCalendar')) }).click();
    const calendar = page.getByRole('dialog', { name: messageToCyrillic(sr('actionPlan.add.deadline')) });
    expect(await calendar.getByRole('button', { name: messageToCyrillic(sr('dates.chooseMonthYear')) }).innerText()).toMatch(/дец\.? 2026/i);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
