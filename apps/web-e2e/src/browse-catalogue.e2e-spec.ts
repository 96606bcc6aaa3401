import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousAccessibilityProblems, startProduct } from './browser';

describe('a visitor browses the Chapter 24 benchmarks', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let page: Page;
  const externalRequests: string[] = [];

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    // axe needs pages of an explicit context.
    page = await (await browser.newContext()).newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(product.url) && !request.url().startsWith('data:')) externalRequests.push(request.url());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lists the benchmarks grouped by area', async () => {
    await page.goto(`${product.url}/benchmarks`);
    await page.getByRole('heading', { name: 'Asylum' }).waitFor();
    await page.getByRole('status').getByText('41 benchmarks').waitFor();
    expect(await page.getByRole('link', { name: /RS-24-/ }).count()).toBe(41);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('finds a benchmark by a word of its text and opens it with its sub-requirements', async () => {
    await page.getByLabel('Search benchmarks', { exact: true }).fill('sustainability');
    await page.getByRole('status').getByText('1 benchmark', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: /RS-24-/ }).count()).toBe(1);
    expect(page.url()).toContain('q=sustainability');
    await page.getByRole('link', { name: /RS-24-ASY-03/ }).click();

    // The benchmark's page loads when opened: the address changes once it has come.
    await page.waitForURL(/\/benchmarks\/RS-24-ASY-03$/);
    await page.getByRole('heading', { name: /RS-24-ASY-03/ }).waitFor();
    const subRequirements = page.getByRole('listitem').filter({ hasText: /RS-24-ASY-03\.\d/ });
    expect(await subRequirements.count()).toBe(4);
    await page.getByText('The capacity of the Commissariat for Refugees is further upgraded').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('opens a deep link directly, and says so when a benchmark does not exist', async () => {
    await page.goto(`${product.url}/benchmarks/RS-24-DRG-05`);
    await page.getByRole('heading', { name: /RS-24-DRG-05/ }).waitFor();
    await page.goto(`${product.url}/benchmarks/RS-24-DRG-99`);
    await page.getByText('Benchmark not found').waitFor();
  });

  it('made no request to any other host (fonts and icons are self-hosted)', () => {
    expect(externalRequests).toEqual([]);
  });

  it('cannot be framed by another site (clickjacking): the frame stays empty', async () => {
    // Another site: a page of another origin (another port) framing the product.
    const site = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<h1>Another site</h1><iframe src="${product.url}/benchmarks" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const other = await (await browser.newContext()).newPage();
    try {
      await other.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      const frame = other.frames().find((f) => f !== other.mainFrame());
      // The frame is there (else this would prove nothing); only the product refused to show in it.
      expect(frame).toBeDefined();
      await other.waitForTimeout(1_000);
      expect(
        await frame
          ?.locator('bt-root')
          .count()
          .catch(() => 0),
      ).toBe(0);
    } finally {
      await other.context().close();
      site.close();
    }
  });
});
