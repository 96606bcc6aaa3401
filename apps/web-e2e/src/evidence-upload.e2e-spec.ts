import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openedDialog, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/*
 * The ministry documents a benchmark: adds an evidence item with a Markdown narrative (a script in
 * it never runs), uploads a PDF on a slowed-down connection and watches the progress bar move,
 * sees the file with its type and SHA-256, and finds the new version in the item's history.
 */
describe('the ministry uploads a PDF as evidence, with visible progress', () => {
  const CODE = 'RS-24-MIG-03';
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n% e2e evidence\n'), Buffer.alloc(1_500_000, 0x20), Buffer.from('\n%%EOF\n')]);

  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const evidence = () => page.getByRole('region', { name: 'Evidence' });

  it('adds an evidence item whose Markdown renders and whose script does not run', async () => {
    await signIn(page, product.url, 'ministry@demo.test', `/benchmarks/${CODE}?tab=evidence`);
    await evidence().getByRole('button', { name: 'Add evidence' }).click();
    const dialog = await openedDialog(page, 'Add evidence');
    await dialog.getByLabel('Title').fill('Readmission statistics 2025');
    await dialog.getByLabel('Narrative (optional)').fill('Figures for **2025** by quarter. <img src="x" onerror="window.__pwned = true">');
    await dialog.getByRole('button', { name: 'Add evidence' }).click();
    await dialog.waitFor({ state: 'detached' });
    await evidence().getByRole('heading', { name: 'Readmission statistics 2025' }).waitFor();
    expect(await evidence().locator('bt-evidence-narrative strong').textContent()).toBe('2025');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await evidence().locator('bt-evidence-narrative [onerror]').count()).toBe(0);
  });

  it('uploads a PDF with a progress bar that moves, then shows its type and SHA-256', async () => {
    // A slow uplink (about 1 Mbit/s), so the upload takes a few seconds and its progress can be seen.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 128 * 1024 });
    // Every value the progress bar shows, recorded in the page as it changes.
    await page.evaluate(() => {
      const seen: number[] = ((window as unknown as { __progress: number[] }).__progress = []);
      new MutationObserver(() => {
        const bar = document.querySelector('bt-evidence-upload mat-progress-bar');
        const value = Number(bar?.getAttribute('aria-valuenow'));
        if (bar && seen[seen.length - 1] !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await evidence().locator('bt-evidence-upload input[type="file"]').setInputFiles({ name: 'readmission-2025.pdf', mimeType: 'application/pdf', buffer: pdf });
    await evidence()
      .getByText(/Uploading readmission-2025\.pdf — \d+ %/)
      .waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await evidence().getByRole('link', { name: 'readmission-2025.pdf' }).waitFor({ timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const progress = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    // The bar really moved: values strictly between 0 and 100 were shown, rising.
    expect(progress.filter((v) => v > 0 && v < 100).length).toBeGreaterThanOrEqual(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const row = evidence().getByRole('row', { name: /readmission-2025\.pdf/ });
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('PDF');
    expect(await row.locator('code').textContent()).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('shows the upload as a new version in the history', async () => {
    await evidence().getByRole('button', { name: 'Versions Readmission statistics 2025' }).click();
    const dialog = await openedDialog(page, /Versions of/);
    await dialog.getByRole('heading', { name: 'Version 2' }).waitFor();
    expect(await dialog.getByText(/changed: file added/).count()).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('asks before Escape throws a half-written item away, and keeps the draft across a reload until it is discarded', async () => {
    await page.goto(`${product.url}/benchmarks/${CODE}?tab=evidence`);
    await evidence().getByRole('button', { name: 'Add evidence' }).click();
    let dialog = await openedDialog(page, 'Add evidence');
    await dialog.getByLabel('Title').fill('Return statistics, first half of 2026');
    await dialog.getByLabel('Narrative (optional)').fill('Returns by country of origin, from the Ministry of Interior.');
    await page.waitForTimeout(500); // the draft is kept a moment after typing stops

    // Escape asks; answering Cancel keeps the dialog and what was typed.
    await page.keyboard.press('Escape');
    let question = await openedDialog(page, 'Discard your changes?');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Return statistics, first half of 2026');
    // A click outside asks too.
    await page.mouse.click(5, 400);
    question = await openedDialog(page, 'Discard your changes?');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });

    // A reload loses nothing: the same dialog opens with the draft, and says so.
    await page.reload();
    await evidence().getByRole('button', { name: 'Add evidence' }).click();
    dialog = await openedDialog(page, 'Add evidence');
    await dialog.getByText('Your unsaved draft is back, as you left it.').waitFor();
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Return statistics, first half of 2026');
    expect(await dialog.getByLabel('Narrative (optional)').inputValue()).toBe('Returns by country of origin, from the Ministry of Interior.');

    // Discarded on purpose: gone, and the next dialog starts empty.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    question = await openedDialog(page, 'Discard your changes?');
    await question.getByRole('button', { name: 'Discard' }).click();
    await dialog.waitFor({ state: 'detached' });
    await evidence().getByRole('button', { name: 'Add evidence' }).click();
    dialog = await openedDialog(page, 'Add evidence');
    expect(await dialog.getByLabel('Title').inputValue()).toBe('');
    // Nothing typed: Escape closes at once.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
