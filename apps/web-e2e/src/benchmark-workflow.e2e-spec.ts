import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SmtpCatcher } from '@bt/testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openedDialog, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/*
 * One benchmark through its whole workflow, each person signed in as themselves in their own
 * browser context (their own session cookie): the coordinator adds evidence and submits; the
 * Commission, with the benchmark open, sees the submission arrive without reloading and gets its
 * e-mail with a link, and starts a
 * peer review with the expert; the expert begins the fieldwork, uploads the report and submits it;
 * the Commission's open page follows along live, then it accepts with an assessment. The benchmark
 * page then shows the whole history.
 */
describe('a benchmark goes through its workflow, each person signed in as themselves', () => {
  const CODE = 'RS-24-MIG-02';
  const evidenceTitle = 'Amendments to the Law on Foreigners adopted (e2e)';

  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let coordinator: Page;
  let commission: Page;
  let expert: Page;
  let scratch: string;
  let reportFile: string;

  let smtp: SmtpCatcher;

  beforeAll(async () => {
    // A real SMTP server on loopback: the hand-overs' e-mails arrive there.
    smtp = await new SmtpCatcher().start();
    product = await startProduct({ SMTP_URL: smtp.url, MAIL_FROM: 'Benchmark Tracker <tracker@e2e.example>' });
    browser = await launchChromium();
    coordinator = await (await browser.newContext()).newPage();
    commission = await (await browser.newContext()).newPage();
    expert = await (await browser.newContext()).newPage();
    // A small, valid PDF: the API decides the type by the file's first bytes.
    scratch = await mkdtemp(join(tmpdir(), 'bt-e2e-'));
    reportFile = join(scratch, 'mission-report.pdf');
    await writeFile(
      reportFile,
      [
        '%PDF-1.7',
        '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
        '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
        '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
        'trailer << /Root 1 0 R >>',
        '%%EOF',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
    await smtp?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  /** Today's date where the product runs (the same machine), shifted by some days, as a person in English (US) types it: 12/6/2026. */
  function typedDate(daysFromToday: number): string {
    const day = new Date();
    day.setDate(day.getDate() + daysFromToday);
    return `${day.getMonth() + 1}/${day.getDate()}/${day.getFullYear()}`;
  }

  const workflow = (page: Page) => page.getByRole('region', { name: 'Workflow' });
  /** The unread inbox items now, as the API counts them for the page's user. */
  const unread = async (page: Page) => ((await (await page.request.get(`${product.url}/api/inbox`)).json()) as { unread: number }).unread;
  let unreadBefore = 0;
  const action = (page: Page, name: string) => workflow(page).getByRole('button', { name, exact: true });
  const stateChip = (page: Page, state: string) => page.locator('bt-benchmark-state-chip').filter({ hasText: new RegExp(`^\\s*State:\\s*${state}\\s*$`) });
  const currentStep = (page: Page) => workflow(page).locator('[aria-current="step"] > .step__label');

  /** Fires an event that carries nothing: the button, then the dialog's confirmation. */
  async function fire(page: Page, name: string): Promise<void> {
    await action(page, name).click();
    const dialog = await openedDialog(page, name);
    await dialog.getByRole('button', { name, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('shows the coordinator why the draft cannot be submitted yet', async () => {
    await signIn(coordinator, product.url, 'coordinator@demo.test', `/benchmarks/${CODE}`);
    await coordinator.getByRole('heading', { name: `Benchmark ${CODE}` }).waitFor();
    const submit = action(coordinator, 'Submit to the Commission');
    await submit.waitFor();
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    // The reason is on the page, beside the button, and is the button's description.
    const reason = workflow(coordinator).getByText('Not possible yet. At least one evidence item shared with reviewers is needed.');
    await reason.waitFor();
    expect(await submit.getAttribute('aria-describedby')).toBe(await reason.getAttribute('id'));
    expect(await currentStep(coordinator).innerText()).toContain('Draft');
    expect(await seriousAccessibilityProblems(coordinator)).toEqual([]);
  });

  it('opens the benchmark for the Commission too, before anything is submitted', async () => {
    await signIn(commission, product.url, 'commission@demo.test', `/benchmarks/${CODE}`);
    await stateChip(commission, 'Draft').waitFor();
    // A mark on the page's window: gone if the page is loaded again, kept while it updates itself.
    await commission.evaluate(() => ((window as unknown as { btOpenedOnce: boolean }).btOpenedOnce = true));
    unreadBefore = await unread(commission);
  });

  it('lets the coordinator add shared evidence, and then submit', async () => {
    await coordinator.getByRole('button', { name: 'Add evidence' }).click();
    const dialog = await openedDialog(coordinator, 'Add evidence');
    await dialog.getByLabel('Title').fill(evidenceTitle);
    await dialog.getByLabel('Narrative (optional)').fill('Adopted by the National Assembly; in force since March.');
    // Shared with reviewers is what the submission needs, and it is the default.
    expect(await dialog.getByRole('radio', { name: /^Shared/ }).isChecked()).toBe(true);
    expect(await seriousAccessibilityProblems(coordinator)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add evidence' }).click();
    await dialog.waitFor({ state: 'detached' });
    const evidence = coordinator.getByRole('region', { name: 'Evidence' });
    await evidence.getByRole('heading', { name: evidenceTitle }).waitFor();
    await evidence.getByText('Visibility: Shared').waitFor();

    // The page reloaded the benchmark: submitting is possible now.
    await workflow(coordinator).locator('button[data-event="SUBMIT"]:not([aria-disabled="true"])').waitFor();
    await fire(coordinator, 'Submit to the Commission');
    await coordinator.getByText('Submitted to the Commission.').waitFor();
    await stateChip(coordinator, 'Submitted').waitFor();
    expect(await workflow(coordinator).getByRole('button').count()).toBe(0);
  });

  it('shows the Commission the submission on its open page, without a reload, and who made it', async () => {
    await stateChip(commission, 'Submitted').waitFor();
    await commission.getByRole('status').getByText('Submitted to the Commission by Marko Coordinator just now.').waitFor();
    await action(commission, 'Start peer review').waitFor();
    // The submission is in the Commission's inbox: the count beside "Inbox & tasks" went up, also without a reload.
    await commission.waitForFunction((before) => Number(document.querySelector('.nav-badge')?.firstChild?.textContent ?? 0) > before, unreadBefore);
    expect(await commission.evaluate(() => (window as unknown as { btOpenedOnce?: boolean }).btOpenedOnce)).toBe(true);
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
  });

  it('e-mails the Commission the submission, with a link straight to the benchmark', async () => {
    const toCommission = () => smtp.messages.find((m) => m.to.includes('commission@demo.test') && m.subject.includes(CODE));
    for (let count = 1; !toCommission(); count++) await smtp.received(count);
    const mail = toCommission();
    expect(mail?.subject).toBe(`${CODE}: submitted by Marko Coordinator for your review`);
    const link = /Open it in Benchmark Tracker: (\S+)/.exec(mail?.text ?? '')?.[1];
    expect(link?.startsWith(`${product.url}/benchmarks/${CODE}`)).toBe(true);
    // The link opens the benchmark (the Commission is signed in in its browser).
    const opened = await (await commission.context()).newPage();
    await opened.goto(link as string);
    await stateChip(opened, 'Submitted').waitFor();
    await opened.close();
  });

  it('lists the submission in the Commission’s tasks, which opens it', async () => {
    await commission.goto(`${product.url}/tasks`);
    await commission.getByRole('heading', { name: 'Inbox & tasks', level: 1 }).waitFor();
    const toReview = commission.getByRole('region', { name: /^Submissions to review/ });
    const link = toReview.getByRole('link', { name: CODE });
    await link.waitFor();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
    await link.click();
    await commission.waitForURL(new RegExp(`/benchmarks/${CODE}$`));
    await stateChip(commission, 'Submitted').waitFor();
  });

  it('lets the Commission start a peer review: mission dates and the expert', async () => {
    await action(commission, 'Start peer review').click();
    const dialog = await openedDialog(commission, 'Start peer review');
    // Dates in the past, so the mission's fieldwork can begin at once.
    await dialog.getByLabel('Start date').fill(typedDate(-7));
    await dialog.getByLabel('End date').fill(typedDate(-1));
    await dialog.getByRole('combobox', { name: 'Experts' }).click();
    await commission.getByRole('option', { name: /^Erik Expert/ }).click();
    // Escape closes the list of experts, not the dialog.
    await commission.keyboard.press('Escape');
    await commission.getByRole('listbox', { name: 'Experts' }).waitFor({ state: 'detached' });
    expect(await dialog.getByRole('combobox', { name: 'Experts' }).innerText()).toContain('Erik Expert');
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
    await dialog.getByRole('button', { name: 'Start peer review', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await stateChip(commission, 'Peer review').waitFor();
    expect(await currentStep(commission).allInnerTexts()).toEqual(['Peer review', 'Mission planned'].map((s) => expect.stringContaining(s)));
    await commission.getByRole('tab', { name: 'Mission' }).click();
    const mission = commission.getByRole('region', { name: 'Peer-review mission' });
    await mission.getByText('Erik Expert').waitFor();
  });

  it('lets the expert begin the fieldwork, upload the report with its progress, and submit it', async () => {
    await signIn(expert, product.url, 'expert@demo.test', '/tasks');
    const toReport = expert.getByRole('region', { name: /^Missions to report/ });
    await toReport.getByRole('link', { name: CODE }).click();
    await expert.waitForURL(new RegExp(`/benchmarks/${CODE}$`));

    await fire(expert, 'Begin fieldwork');
    await expert.getByText('Fieldwork begun.').waitFor();
    await currentStep(expert).filter({ hasText: 'Fieldwork' }).waitFor();
    // Submitting the report waits for the document.
    await workflow(expert).getByText('Not possible yet. The mission report document must be uploaded first.').waitFor();

    await expert.getByRole('tab', { name: 'Mission' }).click();
    const mission = expert.getByRole('region', { name: 'Peer-review mission' });
    // The app's file picker: the browser's file chooser opens from its button, and the report uploads once chosen.
    const [chooser] = await Promise.all([expert.waitForEvent('filechooser'), mission.getByRole('button', { name: 'Choose the mission report' }).click()]);
    await chooser.setFiles(reportFile);
    const progress = mission.getByRole('progressbar', { name: 'Uploading the mission report' });
    await progress.waitFor();
    await mission.getByRole('status').getByText('Uploaded.').waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    await mission.getByRole('link', { name: 'mission-report.pdf' }).waitFor();
    await mission.getByText(/SHA-256: [0-9a-f]{64}/).waitFor();
    expect(await seriousAccessibilityProblems(expert)).toEqual([]);

    await workflow(expert).locator('button[data-event="SUBMIT_MISSION_REPORT"]:not([aria-disabled="true"])').waitFor();
    await fire(expert, 'Submit mission report');
    await currentStep(expert).filter({ hasText: 'Mission reported' }).waitFor();
  });

  it('has kept the Commission’s open page up to date with the expert’s work, then lets it accept with an assessment', async () => {
    // The Commission's page has followed the fieldwork and the report without a reload.
    await currentStep(commission).filter({ hasText: 'Mission reported' }).waitFor();
    await commission.getByRole('status').getByText('Mission report submitted by Erik Expert just now.').waitFor();

    await action(commission, 'Accept').click();
    const dialog = await openedDialog(commission, 'Accept');
    await dialog.getByRole('combobox', { name: 'State of preparation' }).click();
    await commission.getByRole('option', { name: 'Some level of preparation to moderately prepared' }).click();
    await dialog.getByRole('combobox', { name: 'Progress in the period' }).click();
    await commission.getByRole('option', { name: 'Limited progress', exact: true }).click();
    await dialog.getByLabel('Assessment').fill('Returns and readmission work; the statistics need to be published regularly.');
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await stateChip(commission, 'Accepted').waitFor();
    await workflow(commission).getByText('Some level of preparation to moderately prepared').waitFor();
    await workflow(commission).getByText('Limited progress').waitFor();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
  });

  it('shows the whole history on the benchmark page: what happened, and who did it', async () => {
    for (const page of [commission, coordinator]) {
      await page.reload();
      await page.getByRole('tab', { name: 'History' }).click();
      const history = page.getByRole('region', { name: 'History' });
      await history.getByText('Accepted', { exact: true }).waitFor();
      const entries = (await history.getByRole('listitem').allInnerTexts()).map((entry) => entry.replace(/\s+/g, ' '));
      const steps = [
        ['Evidence added', 'by Marko Coordinator'],
        ['Submitted to the Commission (Draft → Submitted)', 'by Marko Coordinator'],
        ['Peer review started (Submitted → Peer review (Mission planned))', 'by Claire Commission'],
        ['Fieldwork begun', 'by Erik Expert'],
        // The report's upload is the mission's reviewers' to see (the ministry gets the report once shared).
        ...(page === commission ? [['Mission report uploaded', 'by Erik Expert']] : []),
        ['Mission report submitted', 'by Erik Expert'],
        ['Accepted (Peer review (Mission reported) → Accepted)', 'by Claire Commission'],
      ];
      expect(entries).toHaveLength(steps.length);
      steps.forEach(([what, who], index) => {
        expect(entries[index]).toContain(what);
        expect(entries[index]).toContain(who);
      });
    }
  });
});
