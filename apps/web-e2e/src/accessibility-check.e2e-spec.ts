import type { Browser } from 'playwright-core';
import { launchChromium, seriousAccessibilityProblems } from './browser';

// The accessibility check every browser test relies on finds what it must: a page it passes says something only if a page it fails exists.
describe('the accessibility check', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchChromium()));
  afterAll(() => browser?.close());

  it('finds a button without a name, an image without a text and text without contrast, and passes the same page mended', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent(
      `<html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1>
       <button id="nameless"><svg width="10" height="10"></svg></button>
       <img id="textless" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
       <p id="faint" style="color:#eee;background:#fff">Hardly legible</p></main></body></html>`,
    );
    const problems = (await seriousAccessibilityProblems(page)).join('\n');
    expect(problems).toMatch(/^button-name: .*#nameless/m);
    expect(problems).toMatch(/^image-alt: .*#textless/m);
    expect(problems).toMatch(/^color-contrast: .*#faint/m);

    // Checked again in the same document (axe is in it already): the mended page passes.
    await page.evaluate(() => {
      document.getElementById('nameless')?.setAttribute('aria-label', 'Close');
      document.getElementById('textless')?.setAttribute('alt', 'A dot');
      document.getElementById('faint')?.setAttribute('style', 'color:#222;background:#fff');
    });
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.context().close();
  });
});
