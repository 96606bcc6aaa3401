import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startProduct } from './browser';

/*
 * Documents that leave the product: a visitor downloads the chapter progress report from the chapter
 * overview (the button shows that it is working, then the browser saves the file the API named), and
 * prints a benchmark page: the printout has the page's whole content — every tab's, also those never
 * opened — over as many A4 sheets as it needs, without the toolbar, the navigation or the buttons.
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

  it('prints a benchmark page whole, every tab past the first sheet, without the navigation', async () => {
    await page.goto(`${product.url}/benchmarks/RS-24-POL-02`);
    await page.getByRole('heading', { name: /Benchmark RS-24-POL-02/ }).waitFor();
    // A visitor's benchmark page: the text, then the assessments of the three voices (its first tab,
    // the open one); the evidence and the support tabs load only when opened.
    await page.getByText('Shadow assessment: Serbian civil-society coalition').first().waitFor();
    await expect(page.getByText('Strategic threat assessment (SOCTA) and intelligence-led policing').count()).resolves.toBe(0);
    // The browser's print dialog is not there headless: record that the page asked for it, then print as Chromium does.
    await page.evaluate(() => {
      (window as unknown as { printAsked: number }).printAsked = 0;
      window.print = () => void ((window as unknown as { printAsked: number }).printAsked += 1);
    });
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => (window as unknown as { printAsked: number }).printAsked === 1);
    const file = join(scratch, 'printed.pdf');
    await writeFile(file, await page.pdf({ format: 'A4' }));
    const pages = pagesOf(file);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join(' ');
    expect(all).toContain('RS-24-POL-02');
    expect(all).toContain('Sub-requirements');
    const past = pages.slice(1).join(' ');
    // Past the first sheet: the end of the open tab (the assessments), below the benchmark's text…
    expect(past).toContain('No figures link the intelligence-led model to cases brought to court.');
    // …and the tabs that were never opened: the public evidence under its heading, then the support.
    expect(past).toMatch(/Evidence .*Strategic threat assessment \(SOCTA\) and intelligence-led policing/);
    expect(past).toContain('Assistance projects supporting it');
    expect(past.indexOf('No figures link the intelligence-led model')).toBeLessThan(past.indexOf('Strategic threat assessment (SOCTA)'));
    // No toolbar, navigation, download or print buttons on paper.
    expect(all).not.toContain('Skip to main content');
    expect(all).not.toContain('Download as Word');
    expect(all).not.toContain('Print the whole page');
    expect(all).not.toContain('Chapter overview');
    // On screen the page is as it was: the tabs, the evidence not shown.
    await expect(page.getByText('Strategic threat assessment (SOCTA) and intelligence-led policing').first().isVisible()).resolves.toBe(false);
  });

  it('prints from the Print button too, once every tab has loaded', async () => {
    await page.goto(`${product.url}/benchmarks/RS-24-POL-10`);
    await page.getByRole('heading', { name: /Benchmark RS-24-POL-10/ }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { printAsked: number }).printAsked = 0;
      window.print = () => void ((window as unknown as { printAsked: number }).printAsked += 1);
    });
    await page.getByRole('button', { name: 'Print the whole page' }).click();
    await page.waitForFunction(() => (window as unknown as { printAsked: number }).printAsked === 1);
    const file = join(scratch, 'printed-button.pdf');
    await writeFile(file, await page.pdf({ format: 'A4' }));
    const all = pagesOf(file).join(' ');
    expect(all).toContain('New units for high-tech crime and digital forensics');
    expect(all).not.toContain('Training plan for cybercrime investigators'); // internal: not the public's
  });
});
