import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startProduct } from './browser';

/*
 * The first screen of `/` and the chapter overview, which the server sends a visitor with
 * index.html (libs/api/core/src/lib/first-screen.ts), must be what the app then draws: the same
 * heading and introduction, in the same language, in the same place and size — or the page would
 * jump, or say something else, as the app takes over. Each page is opened twice: with the app's
 * scripts refused (the first screen alone, as a slow first visit shows it until the code arrives)
 * and as usual, on a phone and a laptop, in English and Serbian (asked by ?lang= and by the
 * browser's own languages).
 */
const CASES = [
  { path: '/', width: 390, locale: 'sr-RS', language: 'sr-Cyrl' },
  { path: '/', width: 1366, locale: 'en-GB', language: 'en' },
  { path: '/overview?lang=sr-Latn', width: 390, locale: 'en-GB', language: 'sr-Latn' },
  { path: '/overview', width: 1366, locale: 'de-AT', language: 'en' },
] as const;

interface Drawn {
  lang: string;
  heading: string;
  intro: string;
  boxes: { x: number; y: number; width: number; height: number }[];
}

/** The heading and the paragraph after it within `main`, once the fonts are in. */
async function drawn(page: Page, main: string): Promise<Drawn> {
  const heading = page.locator(`${main} h1`);
  await heading.waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const intro = page.locator(`${main} h1 + p`);
  const text = async (element: typeof heading) => ((await element.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const box = async (element: typeof heading) => {
    const b = await element.boundingBox();
    if (!b) throw new Error(`${main}: nothing drawn`);
    return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
  };
  return {
    lang: await page.evaluate(() => document.documentElement.lang),
    heading: await text(heading),
    intro: await text(intro),
    boxes: [await box(heading), await box(intro)],
  };
}

describe('the first screen the server sends, as the app then draws it', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  for (const { path, width, locale, language } of CASES) {
    it(`${path} at ${width} px for a browser in ${locale}: the same words in ${language}, in the same place`, async () => {
      let context: BrowserContext | undefined;
      try {
        context = await browser.newContext({ viewport: { width, height: 900 }, locale });
        const page = await context.newPage();

        // The first screen alone: the app's code refused, as if it were still on its way.
        await page.route('**/*.js', (route) => route.abort());
        await page.goto(`${product.url}${path}`);
        const first = await drawn(page, 'main.first-screen');
        await page.unroute('**/*.js');

        await page.goto(`${product.url}${path}`);
        await page.locator('main#main h1').waitFor();
        const app = await drawn(page, 'main#main');

        expect(first.lang).toBe(language);
        expect(app.lang).toBe(language);
        expect(first.heading).toBe(app.heading);
        expect(first.intro).toBe(app.intro);
        expect(first.intro.length).toBeGreaterThan(100);
        expect(first.boxes).toEqual(app.boxes);
        // The app replaced it: one heading, the app's.
        expect(await page.locator('main.first-screen').count()).toBe(0);
      } finally {
        await context?.close();
      }
    });
  }
});
