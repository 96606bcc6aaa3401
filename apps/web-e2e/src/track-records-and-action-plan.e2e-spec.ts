import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openedDialog, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/*
 * The ministry imports a track-record sheet: first one with a bad row, which is refused as a whole
 * with the row and column named; then the corrected one, whose figures the chart shows year by
 * year (read from the chart's own data table). A series is also added by hand and given a figure,
 * then a corrected one. Then the Action Plan page: late activities stand
 * out, the filters narrow the list, and the ministry adds a late activity that shows as overdue.
 * The charts are really drawn (ECharts, loaded with the first chart): bars with their patterns, in
 * the light and the dark scheme, within a phone's width. Axe finds nothing serious on any of them.
 */
describe('track records and the Action Plan in the browser', () => {
  const CODE = 'RS-24-POL-13';
  const SERIES = 'Final convictions in organised crime cases (e2e)';

  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let page: Page;
  let scratch: string;
  /** What the browser's console said was an error, and what the page threw. */
  const consoleErrors: string[] = [];

  async function sheet(name: string, rows: (string | number)[][]): Promise<string> {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet('Track records');
    ws.addRow(['Series name', 'Unit', 'Category', 'Counting rule', 'Period', 'Value', 'Source', 'Note']);
    for (const row of rows) ws.addRow(row);
    const file = join(scratch, name);
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    return file;
  }

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    scratch = await mkdtemp(join(tmpdir(), 'bt-e2e-track-records-'));
    await signIn(page, product.url, 'ministry@demo.test');
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  /** The figures of a series' chart as its data table gives them: the periods, then the values. */
  async function chartTable(series: string): Promise<{ periods: string[]; values: string[] }> {
    const table = page.locator(`li[data-series="${series}"] bt-bar-chart table`);
    return {
      periods: (await table.locator('thead th').allTextContents()).map((t) => t.trim()),
      values: (await table.locator('tbody tr').first().locator('td').allTextContents()).map((t) => t.trim()),
    };
  }

  /**
   * The bars ECharts drew in a chart's SVG, as their fills: a bar is a path filled with its series'
   * colour, and a path filled with its pattern drawn over it.
   */
  async function drawnBars(chart: ReturnType<Page['locator']>): Promise<{ colours: string[]; patterned: number }> {
    await chart.locator('.chart__picture svg').waitFor();
    // Until every figure has its bar (ECharts draws after its chunk has loaded).
    await page.waitForFunction(
      (picture) => (picture?.querySelectorAll('path[fill^="#"]').length ?? 0) > 0,
      await chart.locator('.chart__picture').elementHandle(),
    );
    return chart.locator('.chart__picture svg').evaluate((svg) => {
      const paths = Array.from(svg.querySelectorAll('path'));
      return {
        colours: paths.map((p) => p.getAttribute('fill') ?? '').filter((fill) => /^#[0-9a-f]{6}$/i.test(fill)),
        patterned: paths.filter((p) => p.getAttribute('fill')?.startsWith('url(')).length,
      };
    });
  }

  it('shows the seeded figures Serbia reported as a chart, accessibly', async () => {
    consoleErrors.length = 0; // the sign-in page's own, before anyone was signed in
    await page.goto(`${product.url}/benchmarks/RS-24-TER-01?tab=track-records`);
    const series = 'Messages exchanged via CT SIENA by the Service for Combating Terrorism';
    await page.getByRole('heading', { name: series }).waitFor();
    expect(await chartTable(series)).toEqual({ periods: ['2019', '2020-Q1'], values: ['394', '129'] });
    // Drawn: one blue bar per period, a figure without a verdict.
    const bars = await drawnBars(page.locator(`li[data-series="${series}"] bt-bar-chart`));
    expect(bars.colours.filter((c) => c.toLowerCase() === '#1f4e9c')).toHaveLength(2);
    expect(await page.locator(`li[data-series="${series}"] bt-bar-chart .chart__picture`).getAttribute('aria-hidden')).toBe('true');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('refuses a sheet with a bad row, naming row and column, and imports the corrected one into the chart', async () => {
    await page.goto(`${product.url}/benchmarks/${CODE}?tab=track-records`);
    await page.getByText('No track record has been recorded for this benchmark yet.').waitFor();
    await page.getByRole('button', { name: 'Import a sheet' }).click();
    const dialog = await openedDialog(page, 'Import track records');
    // The app's file picker: the browser's file chooser opens from its button.
    const choose = async (file: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose a sheet' }).click()]);
      await chooser.setFiles(file);
    };
    await choose(
      await sheet('bad.xlsx', [
        [SERIES, 'persons', 'Organised crime', 'Final judgments', '2019', 40, 'Supreme Court of Cassation', ''],
        [SERIES, 'persons', 'Organised crime', 'Final judgments', '2020', 'forty', 'Supreme Court of Cassation', ''],
      ]),
    );
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const problems = dialog.getByRole('table', { name: 'Problems in the sheet' });
    await problems.waitFor();
    expect((await problems.locator('tbody tr td').allTextContents()).map((t) => t.trim()).slice(0, 2)).toEqual(['3', 'value']);
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('Nothing was imported');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await choose(
      await sheet('good.xlsx', [
        [SERIES, 'persons', 'Organised crime', 'Final judgments', '2019', 40, 'Supreme Court of Cassation', ''],
        [SERIES, 'persons', 'Organised crime', 'Final judgments', '2020', 37, 'Supreme Court of Cassation', ''],
        [SERIES, 'persons', 'Organised crime', 'Final judgments', '2021', 52.5, 'Supreme Court of Cassation', 'provisional'],
      ]),
    );
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: SERIES }).waitFor();
    expect(await chartTable(SERIES)).toEqual({ periods: ['2019', '2020', '2021'], values: ['40', '37', '52.5'] });
    // The year-on-year comparison, in words beside the bars.
    expect(await page.locator(`li[data-series="${SERIES}"] .series__change`).textContent()).toContain('2021: 52.5 persons, +42% on 2020 (37)');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('adds a series by hand, records a figure and corrects it, and the chart follows', async () => {
    const added = 'Persons convicted of migrant smuggling (e2e)';
    await page.getByRole('button', { name: 'Add a series' }).click();
    let dialog = await openedDialog(page, 'Add a series');
    await dialog.getByLabel('Name').fill(added);
    await dialog.getByLabel('Unit').fill('persons');
    await dialog.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Migrant smuggling' }).click();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add the series' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: added }).waitFor();

    for (const [value, source] of [
      ['12', 'Republic Public Prosecutor'],
      ['14', 'Republic Public Prosecutor, corrected'],
    ]) {
      await page
        .locator(`li[data-series="${added}"]`)
        .getByRole('button', { name: `Record a figure: ${added}`, exact: true })
        .click();
      dialog = await openedDialog(page, /Record a figure/);
      await dialog.getByLabel('Period').fill('2024');
      await dialog.getByLabel(/Figure/).fill(value);
      await dialog.getByLabel('Source').fill(source);
      await dialog.getByRole('button', { name: 'Save the figure' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.waitForFunction(
        ([series, figure]) => document.querySelector(`li[data-series="${series}"] bt-bar-chart table tbody td`)?.textContent?.trim() === figure,
        [added, value],
      );
    }
    expect(await chartTable(added)).toEqual({ periods: ['2024'], values: ['14'] });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('lists the Action Plan with late activities highlighted, filters them, and is accessible', async () => {
    await page.getByRole('link', { name: 'Action Plan' }).click();
    await page.waitForURL((url) => url.pathname === '/action-plan');
    await page.getByRole('heading', { name: 'Action Plan', level: 1 }).waitFor();
    const aro = page.locator('li[data-activity="6.2.4"]');
    await aro.waitFor();
    expect(await aro.getAttribute('class')).toContain('activity--overdue');
    await expect(aro.textContent()).resolves.toContain('Overdue');
    await expect(aro.textContent()).resolves.toContain('Law on Seizure and Confiscation');
    await page.locator('bt-bar-chart').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    consoleErrors.length = 0;

    await page.getByRole('checkbox', { name: 'Overdue only' }).check();
    await page.waitForFunction(() => !document.querySelector('li[data-activity="0.1.1"]'));
    const shown = await page.locator('li[data-activity]').evaluateAll((items) => items.map((i) => i.classList.contains('activity--overdue')));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every(Boolean)).toBe(true);
  });

  it('draws the Action Plan chart with one colour and pattern per meaning, in the dark scheme too, within a phone', async () => {
    const chart = page.locator('bt-bar-chart');
    // All activities blue, completed green, overdue red (the same red as "Not accepted" elsewhere), each with a pattern but "all".
    const light = await drawnBars(chart);
    expect(new Set(light.colours.map((c) => c.toLowerCase()))).toEqual(new Set(['#1f4e9c', '#1e7b47', '#c0392b']));
    expect(light.patterned).toBeGreaterThan(0);
    // The legend says what the colours mean.
    const legend = await chart.locator('.chart__picture svg text').allTextContents();
    expect(legend).toEqual(expect.arrayContaining(['All activities', 'Completed', 'Overdue']));

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => !!document.querySelector('bt-bar-chart svg path[fill="#8fb4ff"]'));
    const dark = await drawnBars(chart);
    expect(new Set(dark.colours.map((c) => c.toLowerCase()))).toEqual(new Set(['#8fb4ff', '#5cc98a', '#ff8a7a']));
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // On a phone the chart is as wide as its column, never wider.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => {
      const picture = document.querySelector('bt-bar-chart .chart__picture');
      const svg = picture?.querySelector('svg');
      return (
        !!picture && !!svg && svg.getBoundingClientRect().width <= picture.getBoundingClientRect().width + 0.5 && picture.getBoundingClientRect().right <= 390
      );
    });
    const figure = await chart.locator('figure').evaluate((f) => ({ scroll: f.scrollWidth, client: f.clientWidth, right: f.getBoundingClientRect().right }));
    expect(figure.scroll).toBeLessThanOrEqual(figure.client);
    expect(figure.right).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(consoleErrors).toEqual([]);
  });

  it('lets the ministry add an activity whose deadline has passed, which the list then shows as overdue', async () => {
    await page.getByRole('button', { name: 'Add activity' }).click();
    const dialog = await openedDialog(page, 'Add an activity');
    await dialog.getByRole('combobox', { name: 'Benchmark' }).click();
    await page.getByRole('option', { name: /^RS-24-TER-01/ }).click();
    await dialog.getByLabel('Activity code').fill('E2E-1');
    await dialog.getByLabel('What will be done').fill('Train border police in spotting foreign terrorist fighters');
    await dialog.getByLabel('Responsible institution').fill('Border Police Directorate');
    await dialog.getByLabel('Deadline').fill('3/31/2024');
    await dialog.getByLabel('Amount').fill('50000');
    await dialog.getByLabel('Source of funding').fill('IPA 2020');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add the activity' }).click();
    await dialog.waitFor({ state: 'detached' });

    const added = page.locator('li[data-activity="E2E-1"]');
    await added.waitFor();
    expect(await added.getAttribute('class')).toContain('activity--overdue');
    await expect(added.textContent()).resolves.toContain('Border Police Directorate');
    await expect(added.textContent()).resolves.toContain('50,000 EUR (IPA 2020)');
  });
});
