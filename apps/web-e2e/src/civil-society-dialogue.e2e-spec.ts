import type { Browser, Page } from 'playwright-core';
import { checkFirmly, launchChromium, openedDialog, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/*
 * The civil-society dialogue, each person in their own browser: a CSO member posts a proposal; the
 * coordinator's SUBMIT is blocked and the reason names the proposal; the coordinator answers it and
 * submits; the CSO member finds the answer in the inbox and on the benchmark, and records a shadow
 * assessment, which appears beside the Commission's assessment.
 */
describe('a civil-society proposal is answered before submission, and a shadow assessment stands beside the Commission’s', () => {
  const CODE = 'RS-24-ASY-02';
  const proposalText = 'Publish first-instance asylum decisions per year, anonymised (e2e).';

  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let cso: Page;
  let coordinator: Page;
  let commission: Page;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    cso = await (await browser.newContext()).newPage();
    coordinator = await (await browser.newContext()).newPage();
    commission = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const dialogue = (page: Page) => page.getByRole('region', { name: 'Civil-society dialogue' });
  const assessments = (page: Page) => page.getByRole('region', { name: 'Assessments' });
  const submit = (page: Page) => page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Submit to the Commission', exact: true });

  it('lets a CSO member post a proposal on the benchmark', async () => {
    await signIn(cso, product.url, 'cso@demo.test', `/benchmarks/${CODE}?tab=dialogue`);
    await dialogue(cso).getByRole('button', { name: 'Add proposal or comment' }).click();
    const dialog = await openedDialog(cso, 'Add to the dialogue');
    expect(await dialog.getByRole('radio', { name: /^Proposal/ }).isChecked()).toBe(true);
    await dialog.getByLabel('Text').fill(proposalText);
    expect(await seriousAccessibilityProblems(cso)).toEqual([]);
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await dialogue(cso).getByText(proposalText).waitFor();
    await dialogue(cso).getByText("Awaiting the ministry's answer").waitFor();
    expect(await seriousAccessibilityProblems(cso)).toEqual([]);
  });

  it("blocks the coordinator's submission and names the unanswered proposal", async () => {
    await signIn(coordinator, product.url, 'coordinator@demo.test', `/benchmarks/${CODE}`);
    // Shared evidence, so that the only missing condition is the answer (evidence has its own browser test).
    const status = await coordinator.evaluate(async (code) => {
      const xsrf = decodeURIComponent(
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('XSRF-TOKEN='))
          ?.split('=')[1] ?? '',
      );
      const response = await fetch(`/api/benchmarks/${code}/evidence`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrf },
        body: JSON.stringify({ title: 'Asylum statistics 2025', narrative: 'Attached.', visibility: 'shared' }),
      });
      return response.status;
    }, CODE);
    expect(status).toBe(201);
    await coordinator.reload();
    await submit(coordinator).waitFor();
    expect(await submit(coordinator).getAttribute('aria-disabled')).toBe('true');
    await coordinator.getByText(/Civil-society proposals still need a reasoned answer: 1 \("Publish first-instance asylum decisions/).waitFor();
  });

  it('lets the coordinator answer the proposal with reasons, and then submit', async () => {
    await coordinator.getByRole('tab', { name: 'Dialogue' }).click();
    await dialogue(coordinator).getByRole('button', { name: 'Answer Proposal 1' }).click();
    const dialog = await openedDialog(coordinator, 'Answer Proposal 1');
    await checkFirmly(dialog.getByRole('radio', { name: 'Partly accepted' }));
    await dialog.getByLabel('Reasons').fill('Published per year from 2027; anonymisation rules first.');
    expect(await seriousAccessibilityProblems(coordinator)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save answer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await dialogue(coordinator).getByText('Answered by Marko Coordinator').waitFor();

    await coordinator.locator('button[data-event="SUBMIT"]:not([aria-disabled="true"])').waitFor();
    await submit(coordinator).click();
    const confirm = await openedDialog(coordinator, 'Submit to the Commission');
    await confirm.getByRole('button', { name: 'Submit to the Commission', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await coordinator.getByText('Submitted to the Commission.').waitFor();
  });

  it('lets the Commission record its assessment for the period', async () => {
    await signIn(commission, product.url, 'commission@demo.test', `/benchmarks/${CODE}?tab=assessments`);
    await assessments(commission).getByRole('button', { name: "Record the Commission's assessment" }).click();
    const dialog = await openedDialog(commission, "Record the Commission's assessment");
    await dialog.getByLabel('Reporting period').fill('2026');
    await dialog.getByRole('combobox', { name: 'State of preparation' }).click();
    await commission.getByRole('option', { name: 'Some level of preparation to moderately prepared' }).click();
    await dialog.getByRole('combobox', { name: 'Progress in the period' }).click();
    await commission.getByRole('option', { name: 'Some progress', exact: true }).click();
    await dialog.getByLabel('Assessment', { exact: true }).fill('The statistics improved; the backlog remains.');
    await dialog.getByRole('button', { name: 'Save assessment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await assessments(commission).getByText('The statistics improved; the backlog remains.').waitFor();
  });

  it("shows the CSO member the answer in the inbox and on the benchmark; the shadow assessment stands beside the Commission's", async () => {
    await cso.goto(`${product.url}/tasks`);
    await cso.getByRole('heading', { name: 'Inbox & tasks', level: 1 }).waitFor();
    const item = cso.getByRole('link', { name: `${CODE}: the ministry answered — Partly accepted` });
    await item.waitFor();
    expect(await seriousAccessibilityProblems(cso)).toEqual([]);
    await item.click();
    await cso.waitForURL(new RegExp(`/benchmarks/${CODE}\\?tab=dialogue$`));
    await dialogue(cso).getByText('Published per year from 2027; anonymisation rules first.').waitFor();

    await cso.getByRole('tab', { name: 'Assessments' }).click();
    await assessments(cso).getByRole('button', { name: 'Record your shadow assessment' }).click();
    const dialog = await openedDialog(cso, 'Record your shadow assessment');
    await dialog.getByLabel('Reporting period').fill('2026');
    await dialog.getByRole('combobox', { name: 'State of preparation' }).click();
    await cso.getByRole('option', { name: 'Early stage', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Progress in the period' }).click();
    await cso.getByRole('option', { name: 'Limited progress', exact: true }).click();
    await dialog.getByLabel('Assessment', { exact: true }).fill('Decisions are still not published.');
    expect(await seriousAccessibilityProblems(cso)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save assessment' }).click();
    await dialog.waitFor({ state: 'detached' });

    const period = assessments(cso).getByRole('region', { name: 'Period 2026' });
    const commissionVoice = period.getByRole('article', { name: 'Commission assessment, 2026' });
    const shadowVoice = period.getByRole('article', { name: /^Shadow assessment: Serbian civil-society coalition/ });
    await shadowVoice.getByText('Decisions are still not published.').waitFor();
    await commissionVoice.getByText('The statistics improved; the backlog remains.').waitFor();
    expect(await shadowVoice.getByText('Early stage', { exact: true }).count()).toBe(1);
    expect(await seriousAccessibilityProblems(cso)).toEqual([]);
  });

  it('shows both on the public chapter overview grid (the shadow one published, the Commission’s once accepted)', async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${product.url}/overview?period=2026`);
    const row = visitor.getByRole('row', { name: new RegExp(CODE) });
    await row.waitFor();
    expect(await row.getByText('Early stage', { exact: true }).count()).toBe(1);
    expect(await seriousAccessibilityProblems(visitor)).toEqual([]);
    await visitor.close();
  });
});
