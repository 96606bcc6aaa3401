import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct } from './browser';

/*
 * Documents that leave the product: a visitor downloads the chapter progress report from the chapter
 * overview (the button shows that it is working, then the browser saves the file the API named), and
 * prints a benchmark page: the printout has the page's whole content over as many A4 sheets as it
 * needs, without the toolbar, the navigation or the download buttons.
 */
describe('documents: download and print', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let page: Page;
  let scratch: string;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    scratch = await mkdtemp(join(tmpdir(), 'bt-e2e-documents-'));
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  /** The text of a PDF, a string per page (pdftotext ends each page with a form feed). */
  function pagesOf(file: string): string[] {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .map((text) => text.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  }

  it('downloads the chapter progress report from the overview', async () => {
    await page.goto(`${product.url}/overview`);
    const button = page.getByRole('button', { name: 'Download as PDF' });
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^RS-24-\d{4}(-[HQ]\d)?-progress-report\.pdf$/);
    const file = join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    const text = pagesOf(file).join(' ');
    expect(text).toContain('Chapter 24 progress report');
    expect(text).toContain('Benchmarks per state');
    expect(text).toContain('RS-24-POL-02');
    expect(text).toContain('Public version');
    // The button is ready again once the file is saved.
    await expect(button.isEnabled()).resolves.toBe(true);
  });

  it('prints a benchmark page whole, past the first sheet, without the navigation', async () => {
    await page.goto(`${product.url}/benchmarks/RS-24-POL-02`);
    await page.getByRole('heading', { name: /Benchmark RS-24-POL-02/ }).waitFor();
    // A visitor's benchmark page: the text, then the assessments of the three voices (its first tab).
    await page.getByText('Shadow assessment: Serbian civil-society coalition').first().waitFor();
    const file = join(scratch, 'printed.pdf');
    await writeFile(file, await page.pdf({ format: 'A4' }));
    const pages = pagesOf(file);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join(' ');
    expect(all).toContain('RS-24-POL-02');
    expect(all).toContain('Sub-requirements');
    // Content past the first sheet: the end of the assessments tab, below the benchmark's text.
    expect(pages.slice(1).join(' ')).toContain('No figures link the intelligence-led model to cases brought to court.');
    // No toolbar, navigation or download buttons on paper.
    expect(all).not.toContain('Skip to main content');
    expect(all).not.toContain('Download as Word');
    expect(all).not.toContain('Chapter overview');
  });
});
