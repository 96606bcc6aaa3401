import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import axe, { type AxeResults, type RunOptions } from 'axe-core';
import { type Browser, chromium, type Locator, type Page, type Request } from 'playwright-core';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabaseTemplate } from '@bt/testing';

const root = join(__dirname, '../../..');

/**
 * What the built product's first start in demo mode leaves in a database, prepared once per run by
 * starting it; each test file's product starts on its own copy.
 */
const PRODUCT_DATABASE: TestDatabaseTemplate = {
  name: 'product_demo',
  prepare: async (databaseUrl) => {
    const product = await spawnProduct(databaseUrl);
    await product.stop();
  },
};

/** The built product (API serving the built web app) on a fresh database, as `npm start` runs it; `env` adds settings (SMTP_URL, say). */
export async function startProduct(env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const database = await createTestDatabase({ from: PRODUCT_DATABASE });
  const product = await spawnProduct(database.url, env);
  return {
    url: product.url,
    stop: async () => {
      await product.stop();
      await database.drop();
    },
  };
}

async function spawnProduct(databaseUrl: string, env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  // A port below Linux's ephemeral range (32768 and up), where the other processes' connections take theirs; and if another
  // product of the run took it first (EADDRINUSE), another port.
  for (let attempt = 1; ; attempt++) {
    try {
      return await spawnProductOn(20000 + Math.floor(Math.random() * 12000), databaseUrl, env);
    } catch (error) {
      if (attempt === 5 || !(error instanceof Error && error.message.includes('EADDRINUSE'))) throw error;
    }
  }
}

async function spawnProductOn(port: number, databaseUrl: string, env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      WEB_DIR: join(root, 'dist/apps/web/browser'),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: 'pipe',
  });
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) {
      if (child.exitCode === null) child.kill('SIGKILL');
      throw new Error(`the API did not start:\n${output}`);
    }
    // Ready once it says so itself: a health answer alone could come from another process on the port.
    if (
      output.includes('Benchmark Tracker is ready at') &&
      (await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}

/**
 * The run's one Chromium (started by browser-global-setup.mjs); close() ends only this file's contexts.
 * Its contexts prefer reduced motion unless a test asks otherwise, as a person may set it: Angular Material then
 * skips its ripples and transitions, and Chromium draws fewer frames (six journey and every-page files 232 → 218 s
 * of CPU, 130 → 118 s wall). The admin's journey and the Serbian date pickers keep the animations
 * (`reducedMotion: 'no-preference'`), so the animated dialogs stay tested.
 */
export function launchChromium(): Promise<Browser> {
  const endpoint = process.env['BT_CHROMIUM_WS'];
  if (!endpoint) throw new Error('BT_CHROMIUM_WS is not set: run the browser tests through their jest config (globalSetup starts Chromium)');
  return chromium.connect(endpoint).then((browser) => {
    const newContext = browser.newContext.bind(browser);
    browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
    return browser;
  });
}

/** Until every finite animation has ended (endless ones, such as a loading bar, are not waited for). */
async function animationsEnded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

/** Signs a demo account in through the sign-in page, as a person would, and waits to land on `returnTo`. */
export async function signIn(page: Page, baseUrl: string, email: string, returnTo = '/benchmarks'): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === returnTo.split('?')[0]);
}

/**
 * Opens `path` in the app already running in `page` the way its own links do: the router draws the page in
 * the same document, so the app is not loaded and started again (about 0.5 s of Chromium's CPU a page) and
 * axe, once loaded, stays. Then waits, as Playwright's 'networkidle' does for a load, until no request but
 * the live-changes stream has been open for half a second. Already at `path`, it does nothing.
 */
export async function openInApp(page: Page, path: string): Promise<void> {
  const here = new URL(page.url());
  if (here.pathname + here.search === path) return;
  const open = new Set<Request>();
  let quietSince = Date.now();
  const started = (request: Request) => {
    if (request.resourceType() === 'eventsource') return;
    open.add(request);
  };
  const ended = (request: Request) => {
    if (open.delete(request)) quietSince = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    // What Angular's router does on the browser's back and forward buttons: read the address and draw its page.
    await page.evaluate((target) => {
      history.pushState(null, '', target);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, path);
    // The router marks the history entry of a navigation it completed: proof that it drew the page, where the address alone
    // (set by pushState itself) would pass even if nothing listened.
    await page.waitForFunction(() => typeof (history.state as { navigationId?: unknown } | null)?.navigationId === 'number');
    while (open.size || Date.now() - quietSince < 500) await page.waitForTimeout(100);
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

/** A dialog once it has finished opening: a click or a keystroke during its animation can be lost. */
export async function openedDialog(page: Page, name?: string | RegExp): Promise<Locator> {
  const dialog = name ? page.getByRole('dialog', { name }) : page.getByRole('dialog');
  await dialog.waitFor();
  await animationsEnded(page);
  return dialog;
}

/**
 * Checks a radio button or checkbox, trying again when the page took the click away: on a busy
 * machine a dialog may still be settling its form when the first click lands (Playwright then says
 * "Clicking the checkbox did not change its state").
 */
export async function checkFirmly(box: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await box.check({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await animationsEnded(box.page());
    }
  }
}

/** Axe findings that matter: serious or critical. */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  // Judge the page at rest: mid-animation (a snack bar fading in or out) colours are half-way and fail contrast.
  // A check during which something began to move (a snack bar's timer ran out) is not trusted, and is run again.
  for (let attempt = 1; ; attempt++) {
    await animationsEnded(page);
    await page.evaluate(() => {
      const watch = window as unknown as { __btMoved?: boolean };
      watch.__btMoved = false;
      const moved = () => (watch.__btMoved = true);
      document.addEventListener('animationstart', moved, { capture: true, once: true });
      document.addEventListener('transitionstart', moved, { capture: true, once: true });
    });
    const results = await runAxe(page, { resultTypes: ['violations'] });
    const moved = await page.evaluate(() => (window as unknown as { __btMoved?: boolean }).__btMoved === true);
    if (moved && attempt < 3) continue;
    return seriousOnly(results.violations);
  }
}

/**
 * axe-core's every rule over the page, run in the page itself: its 1.3 MB script evaluated once per
 * document (not at each check), then one axe.run. (@axe-core/playwright evaluated the script three
 * times per check and finished each run in a blank page of its own: 1.3–2.4 s a check, against
 * 0.15–0.35 s here.) The app has no frames, so the top document is all there is to check; only the
 * violations are worked out in full (a passing element's selector and HTML cost the most, and are not read).
 */
async function runAxe(page: Page, options: RunOptions): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate((runOptions) => (window as unknown as { axe: typeof axe }).axe.run(document, runOptions), options);
}

function seriousOnly(violations: AxeResults['violations']): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Null when nothing is wider than the screen; else how wide the page is and the first elements that
 * stick out (a closed navigation drawer, parked off-screen by design, does not count).
 */
export function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest('.mat-drawer:not(.mat-drawer-opened)'))
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`);
    return document.documentElement.scrollWidth > width ? `${document.documentElement.scrollWidth} px wide for ${width}: ${wide.join(', ')}` : null;
  });
}
