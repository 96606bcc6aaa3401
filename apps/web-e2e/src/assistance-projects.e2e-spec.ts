import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/*
 * Assistance projects: the coordinator adds a project from the projects page (reached through the
 * navigation), links it to two benchmarks with a sentence each, and lands on its page; the support
 * coverage shows both benchmarks served by a running project where none ran before; the public,
 * not signed in, finds it on one benchmark's Support tab, with the sentence, and on the filtered
 * list. Axe finds nothing serious on the list, the form, the project page or the tab.
 */
describe('assistance projects in the browser', () => {
  const TITLE = 'Equipment for the Witness Protection Unit (e2e)';
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let coordinator: Page;
  let visitor: Page;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    coordinator = await (await browser.newContext()).newPage();
    visitor = await (await browser.newContext()).newPage();
    await signIn(coordinator, product.url, 'coordinator@demo.test');
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lists the seeded projects publicly, with their funders, and filters them', async () => {
    await visitor.goto(`${product.url}/benchmarks`);
    await visitor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assistance projects' }).click();
    await visitor.getByRole('heading', { name: 'Assistance projects', level: 1 }).waitFor();
    await visitor.getByRole('link', { name: 'Support to Strengthening the Fight against Trafficking in Human Beings (Twinning)' }).waitFor();
    expect(await visitor.locator('li.project').count()).toBeGreaterThanOrEqual(3);
    expect(await seriousAccessibilityProblems(visitor)).toEqual([]);
    await visitor.getByLabel('Funder').fill('Netherlands');
    await visitor.getByText('1 project', { exact: true }).waitFor();
    expect((await visitor.locator('.project__title').allTextContents()).map((t) => t.trim())).toEqual([
      "Decreasing corruption risks in Serbia's migration management system",
    ]);
  });

  /** The support cell of a benchmark's row on the coverage page. */
  const supportOf = (page: Page, code: string) =>
    page
      .locator('table.coverage tbody tr')
      .filter({ has: page.getByRole('link', { name: code, exact: true }) })
      .locator('.support');

  it('shows the coverage: no running project serves RS-24-POL-12 yet, and that stands out', async () => {
    await coordinator.goto(`${product.url}/projects`);
    await coordinator.getByRole('link', { name: 'Support coverage' }).click();
    await coordinator.getByRole('heading', { name: 'Support coverage', level: 1 }).waitFor();
    await coordinator.getByText(/^\s*Of \d+ benchmarks — /).waitFor();
    expect(await supportOf(coordinator, 'RS-24-POL-12').innerText()).not.toContain('A running project');
    expect(await seriousAccessibilityProblems(coordinator)).toEqual([]);
  });

  it('lets the coordinator add a project supporting two benchmarks', async () => {
    await coordinator.goto(`${product.url}/projects`);
    await coordinator.getByRole('link', { name: 'Add a project' }).click();
    await coordinator.getByRole('heading', { name: 'A new assistance project' }).waitFor();
    await coordinator.getByLabel('Title').fill(TITLE);
    await coordinator.getByLabel('Description').fill('Vehicles, secure communications and training for the Witness Protection Unit.');
    await coordinator.getByLabel('Actual start').fill('2026-03');
    await coordinator.getByLabel('Organisation', { exact: true }).fill('European Union, IPA 2024');

    await coordinator.getByRole('combobox', { name: 'Benchmark' }).click();
    await coordinator.getByRole('option', { name: /^RS-24-POL-12 / }).click();
    await coordinator.getByLabel('How the project supports it').fill('Gives the Witness Protection Unit the equipment the impact assessment asked for.');
    await coordinator.getByRole('button', { name: 'Add a benchmark' }).click();
    await coordinator.getByRole('combobox', { name: 'Benchmark' }).nth(1).click();
    await coordinator.getByRole('option', { name: /^RS-24-POL-13 / }).click();
    await coordinator.getByLabel('How the project supports it').nth(1).fill('Protected witnesses help bring organised crime cases to a final conviction.');
    expect(await seriousAccessibilityProblems(coordinator)).toEqual([]);

    await coordinator.getByRole('button', { name: 'Save the project' }).click();
    await coordinator.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(coordinator.url()).toMatch(/\/projects\/[0-9a-f-]{36}$/);
    expect((await coordinator.locator('.supports li > a').allTextContents()).map((t) => t.trim())).toEqual(['RS-24-POL-12', 'RS-24-POL-13']);
    await coordinator.getByText('March 2026').waitFor();
    expect(await seriousAccessibilityProblems(coordinator)).toEqual([]);
  });

  it('shows the new project in the coverage: both benchmarks now have a running project, and it is on the timeline', async () => {
    await coordinator.goto(`${product.url}/projects/coverage`);
    for (const code of ['RS-24-POL-12', 'RS-24-POL-13']) {
      await supportOf(coordinator, code).filter({ hasText: 'A running project' }).waitFor();
    }
    const row = coordinator.locator('table.coverage tbody tr').filter({ has: coordinator.getByRole('link', { name: 'RS-24-POL-12', exact: true }) });
    await row.getByRole('link', { name: TITLE }).waitFor();
    await coordinator.locator('table.years tbody tr').filter({ hasText: TITLE }).waitFor();
    // On a phone the wide tables scroll inside themselves: nothing of the page is wider than the page.
    await coordinator.setViewportSize({ width: 390, height: 844 });
    const page = coordinator.locator('bt-coverage-page');
    expect(await page.evaluate((host) => host.scrollWidth - host.clientWidth)).toBe(0);
    await coordinator.setViewportSize({ width: 1366, height: 900 });
  });

  it("shows the public the new project on a benchmark's Support tab, with how it supports it", async () => {
    await visitor.goto(`${product.url}/benchmarks/RS-24-POL-12`);
    await visitor.getByRole('tab', { name: 'Support' }).click();
    const item = visitor.locator(`li[data-project="${TITLE}"]`);
    await item.waitFor();
    expect((await item.locator('.support-how').textContent())?.trim()).toBe('Gives the Witness Protection Unit the equipment the impact assessment asked for.');
    expect(await seriousAccessibilityProblems(visitor)).toEqual([]);
    await item.getByRole('link', { name: TITLE }).click();
    await visitor.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    // The public reads it but may not change it.
    expect(await visitor.getByRole('link', { name: 'Change the project' }).count()).toBe(0);
    expect(await seriousAccessibilityProblems(visitor)).toEqual([]);
  });
});
