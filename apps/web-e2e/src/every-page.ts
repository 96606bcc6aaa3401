import type { Browser, Page } from 'playwright-core';
import { launchChromium, openInApp, overflow, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/**
 * Every page of the product, as each kind of user reaches it with the demo data: it shows its main
 * heading, axe finds nothing serious or critical, and the keyboard reaches the page's own content
 * (not only the toolbar) with a visible focus, and on a phone's width (390 px) nothing is wider than
 * the screen (wide tables scroll in their own box). The feature tests check what the pages do; this one
 * makes sure no page is left out of the accessibility promise. The kinds of user are spread over
 * three test files (every-page-*.e2e-spec.ts) so that the browser run can check them side by side.
 * Each kind of user's first page is loaded by its address; the others are opened through the app's
 * router in the same document, as its links open them (openInApp), which spares a start of the app each.
 */
export type Who = 'anonymous' | 'admin' | 'commission' | 'coordinator' | 'cso' | 'expert';

export const PAGES: Record<Who, string[]> = {
  anonymous: [
    '/benchmarks',
    '/benchmarks/RS-24-MIG-01',
    // The demo content: published evidence (Markdown, links) and the overview with the shadow assessments.
    '/benchmarks/RS-24-POL-02?tab=evidence',
    '/overview',
    '/overview/consideration',
    '/search?q=migration',
    '/consultations',
    '/consultations/{consultation}',
    // Assistance projects: the list, the support coverage (a chart with long area names) and a benchmark's Support tab.
    '/projects',
    '/projects/coverage',
    '/benchmarks/RS-24-POL-09?tab=support',
    '/sign-in',
    '/no-such-page',
  ],
  coordinator: [
    '/benchmarks/RS-24-MIG-01?tab=evidence',
    '/benchmarks/RS-24-MIG-01?tab=track-records',
    '/benchmarks/RS-24-MIG-01?tab=dialogue',
    '/benchmarks/RS-24-MIG-01?tab=assessments',
    '/benchmarks/RS-24-MIG-01?tab=history',
    '/tasks',
    '/action-plan',
    '/projects/new',
    '/missions',
    '/consultations/{consultation}',
    '/account',
  ],
  commission: ['/overview', '/tasks', '/missions', '/consultations', '/consultations/{consultation}/summaries', '/search?q=pravosudje'],
  cso: [
    '/benchmarks/RS-24-MIG-01?tab=dialogue',
    '/benchmarks/RS-24-MIG-01?tab=assessments',
    '/benchmarks/RS-24-POL-10?tab=dialogue',
    '/benchmarks/RS-24-POL-02?tab=assessments',
    '/tasks',
  ],
  expert: ['/missions', '/tasks'],
  admin: ['/admin/users', '/admin/organisations', '/admin/settings', '/admin/mail'],
};

/** One `describe` checking every page of each of `kinds`, on a product of its own. */
export function describeEveryPageFor(kinds: Who[]): void {
  describe(`every page, for ${kinds.join(', ')}`, () => {
    let product: Awaited<ReturnType<typeof startProduct>>;
    let browser: Browser;
    let consultation: string;

    beforeAll(async () => {
      product = await startProduct();
      browser = await launchChromium();
      // The seeded 2020 written consultation (published, so anyone may read it).
      const list = (await (await fetch(`${product.url}/api/consultations`)).json()) as { id: string }[] | { items: { id: string }[] };
      consultation = (Array.isArray(list) ? list : list.items)[0].id;
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await product?.stop();
    });

    async function pageFor(who: Who): Promise<Page> {
      const page = await (await browser.newContext()).newPage();
      if (who !== 'anonymous') {
        await signIn(page, product.url, `${who}@demo.test`);
      }
      return page;
    }

    for (const who of kinds) {
      it(`${who}: each page has its heading, no serious axe finding, and keyboard access to its content`, async () => {
        const page = await pageFor(who);
        const problems: string[] = [];
        // The Content-Security-Policy holds on every page: nothing the app itself does is refused by it.
        page.on('console', (message) => {
          if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
        });
        for (const [index, template] of PAGES[who].entries()) {
          const path = template.replace('{consultation}', consultation);
          // The first page loaded by its address, as a link from elsewhere opens it; the others through the app's router, as its own links do.
          if (index === 0) {
            await page.goto(`${product.url}${path}`);
            await page.waitForLoadState('networkidle');
          } else {
            await openInApp(page, path);
          }
          await page.locator('main h1').first().waitFor();
          await page
            .locator('mat-progress-bar[mode="indeterminate"]')
            .first()
            .waitFor({ state: 'detached', timeout: 15_000 })
            .catch(() => undefined);
          // A chart is judged as drawn: ECharts loads with the first chart and draws into its picture.
          await page.waitForFunction(() =>
            Array.from(document.querySelectorAll('bt-bar-chart .chart__picture')).every((picture) => picture.querySelector('svg path')),
          );
          for (const finding of await seriousAccessibilityProblems(page)) problems.push(`${path}: ${finding}`);
          const focusable = await page
            .locator('main')
            .locator('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex="0"]')
            .count();
          if (focusable && !(await tabIntoMain(page))) problems.push(`${path}: the keyboard never reaches the page's content`);
          // The same page narrowed to a phone: the layout follows the width (media queries, the CDK's breakpoints) without a reload.
          const desktop = page.viewportSize();
          await page.setViewportSize({ width: 390, height: 844 });
          await page.waitForTimeout(300);
          const wide = await overflow(page);
          if (wide) problems.push(`${path} at 390 px: ${wide}`);
          // ... and keeps its text off the screen's edge (every page has its margin: styles.scss).
          const glued = await page.evaluate(() =>
            Array.from(document.querySelectorAll('main h1, main h2, main p'))
              .filter((element) => {
                const box = element.getBoundingClientRect();
                return box.width > 1 && box.left < 8;
              })
              .slice(0, 3)
              .map((element) => `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 30)}"`),
          );
          if (glued.length) problems.push(`${path} at 390 px: text touches the screen's edge: ${glued.join(', ')}`);
          if (desktop) await page.setViewportSize(desktop);
        }
        await page.context().close();
        expect(problems).toEqual([]);
      }, 300_000); // 14 pages at two widths, on a machine that may be busy
    }
  });
}

/** Tabs from the top until focus lands inside the main content; returns what it landed on. */
async function tabIntoMain(page: Page): Promise<string | null> {
  await page.locator('body').focus();
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    const landed = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      if (!active || !active.closest('main')) return null;
      const box = active.getBoundingClientRect();
      const style = getComputedStyle(active);
      const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
      return visible ? `${active.tagName.toLowerCase()} ${active.textContent?.trim().slice(0, 40) ?? ''}` : null;
    });
    if (landed) return landed;
  }
  return null;
}
