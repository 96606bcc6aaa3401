import type { Browser, Page } from 'playwright-core';
import { launchChromium, openedDialog, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/*
 * A peer-review mission on two benchmarks: the Commission plans it with the expert; the expert adds
 * a meeting to the agenda, a finding and a recommendation; the Serbian ministry sees the mission but
 * not the recommendation until the Commission shares the report. The Commission then corrects the
 * mission's end date and takes the meeting off the agenda; once the expert's report is shared, it
 * makes the recommendation a corrective measure, which the Action Plan page lists.
 */
describe('a peer-review mission, planned by the Commission and worked on by its expert', () => {
  const TITLE = 'Border management peer review (e2e)';

  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let commission: Page;
  let expert: Page;
  let missionPath: string;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    commission = await (await browser.newContext()).newPage();
    expert = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const today = new Date();
  const day = (offset: number) => {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  /** The same day as a person in English (US) types it into a date field: 12/6/2026. */
  const typed = (offset: number) => {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
    return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
  };

  it('lets the Commission plan the mission and see it in the list and the calendar', async () => {
    await signIn(commission, product.url, 'commission@demo.test', '/missions');
    await commission.getByLabel('Title').fill(TITLE);
    await commission.getByLabel('Benchmarks (codes of one country)').fill('RS-24-MIG-01, RS-24-MIG-02');
    await commission.getByLabel('Start date').fill(typed(1));
    await commission.getByLabel('End date').fill(typed(3));
    await commission.getByRole('checkbox', { name: /Erik Expert/ }).check();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
    await commission.getByRole('button', { name: 'Plan the mission' }).click();
    await commission.waitForURL(/\/missions\/[0-9a-f-]{36}$/);
    missionPath = new URL(commission.url()).pathname;
    await commission.getByRole('heading', { name: `${TITLE} (RS)`, level: 1 }).waitFor();
    await commission.getByText('Erik Expert').waitFor();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);

    await commission.getByRole('link', { name: 'All missions' }).click();
    await commission.getByRole('link', { name: TITLE }).waitFor();
    await commission.getByRole('radio', { name: 'Calendar' }).click();
    if (day(1).slice(0, 7) !== day(0).slice(0, 7)) await commission.getByRole('button', { name: 'Next month' }).click();
    await commission.getByRole('table').getByRole('link', { name: TITLE }).first().waitFor();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
  });

  it('lets the expert add a meeting, a finding and a recommendation', async () => {
    await signIn(expert, product.url, 'expert@demo.test', missionPath);
    // The meeting's day by keyboard, in the calendar: it opens on the mission's first day (its earliest), the next is a day on.
    const meetsOn = expert.getByLabel('Meeting date');
    await meetsOn.press('Alt+ArrowDown');
    const calendar = expert.getByRole('dialog', { name: 'Meeting date' });
    await calendar.waitFor();
    expect(await seriousAccessibilityProblems(expert)).toEqual([]);
    await expert.keyboard.press('ArrowRight');
    await expert.keyboard.press('Enter');
    await calendar.waitFor({ state: 'detached' });
    expect(await meetsOn.inputValue()).toBe(typed(2));
    await expert.getByLabel('Institution', { exact: true }).fill('Border Police Directorate');
    await expert.getByLabel('Participants').fill('Head of the risk-analysis unit');
    await expert.getByRole('button', { name: 'Add meeting' }).click();
    await expert.getByRole('cell', { name: 'Border Police Directorate' }).waitFor();
    await expert.locator(`td time[datetime="${day(2)}"]`).waitFor();
    await expert.getByLabel('Finding on RS-24-MIG-01 (Markdown)').fill('Risk analysis exists but is **not used** at the border.');
    await expert.getByRole('button', { name: 'Save finding on RS-24-MIG-01' }).click();
    await expert.getByText('Finding saved.').waitFor();
    // The benchmark is a Material select: opened by a click, an option chosen in its list.
    await expert.getByRole('combobox', { name: 'Benchmark' }).click();
    await expert.getByRole('option', { name: 'RS-24-MIG-01' }).click();
    await expert.getByLabel('Recommendation', { exact: true }).fill('Adopt a risk-analysis manual.');
    await expert.getByLabel('Owner (institution)').fill('Border Police Directorate');
    await expert.getByLabel('Due date').fill(typed(90));
    await expert.getByRole('button', { name: 'Add recommendation' }).click();
    await expert.getByRole('heading', { name: 'RS-24-MIG-01: Adopt a risk-analysis manual.' }).waitFor();
    expect(await seriousAccessibilityProblems(expert)).toEqual([]);

    // A finding typed and not saved: leaving the page asks first; Cancel stays with the text, Leave goes.
    await expert.getByLabel('Finding on RS-24-MIG-02 (Markdown)').fill('Half a thought');
    await expert.getByRole('link', { name: 'All missions' }).click();
    const leave = await openedDialog(expert, 'Leave this page?');
    expect(await seriousAccessibilityProblems(expert)).toEqual([]);
    await leave.getByRole('button', { name: 'Cancel' }).click();
    expect(new URL(expert.url()).pathname).toBe(missionPath);
    expect(await expert.getByLabel('Finding on RS-24-MIG-02 (Markdown)').inputValue()).toBe('Half a thought');
    await expert.getByRole('link', { name: 'All missions' }).click();
    await (await openedDialog(expert, 'Leave this page?')).getByRole('button', { name: 'Leave the page' }).click();
    await expert.waitForURL(/\/missions$/);
  });

  it('shows the ministry the mission and its agenda, but no recommendation before the report is shared', async () => {
    const ministry = await (await browser.newContext()).newPage();
    await signIn(ministry, product.url, 'ministry@demo.test', missionPath);
    await ministry.getByRole('cell', { name: 'Border Police Directorate' }).waitFor();
    await ministry.getByText('No recommendation to show.').waitFor();
    expect(await ministry.getByText('Adopt a risk-analysis manual.').count()).toBe(0);
    expect(await seriousAccessibilityProblems(ministry)).toEqual([]);
  });

  it('lets the Commission correct the end date and remove a meeting, after confirming', async () => {
    await commission.goto(`${product.url}${missionPath}`);
    await commission.getByRole('button', { name: 'Edit mission' }).click();
    const edit = await openedDialog(commission, 'Edit mission');
    await edit.getByLabel('End date').fill(typed(4));
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
    // Escape on a changed correction asks before throwing it away; Cancel keeps it.
    await commission.keyboard.press('Escape');
    const discard = await openedDialog(commission, 'Discard your changes?');
    await discard.getByRole('button', { name: 'Cancel' }).click();
    expect(await edit.getByLabel('End date').inputValue()).toBe(typed(4));
    await edit.getByRole('button', { name: 'Save the mission' }).click();
    await commission.getByText('Mission saved.').waitFor();
    await commission.locator(`h1 + p time[datetime="${day(4)}"]`).waitFor();

    await commission.getByRole('button', { name: 'Remove the meeting with Border Police Directorate' }).click();
    const confirm = await openedDialog(commission, 'Remove the meeting?');
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
    await confirm.getByRole('button', { name: 'Remove the meeting' }).click();
    await commission.getByText('Meeting removed from the agenda.').waitFor();
    await commission.getByText('No meeting planned yet.').waitFor();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
  });

  it('turns the recommendation into a corrective measure once the report is shared, and the Action Plan lists it', async () => {
    await expert.goto(`${product.url}${missionPath}`);
    // The app's file picker: its button opens the browser's file chooser, the chosen file is uploaded at once.
    await expert.getByText('PDF, DOCX or ODT, up to 50 MB').first().waitFor();
    const [chooser] = await Promise.all([expert.waitForEvent('filechooser'), expert.getByRole('button', { name: 'Choose the mission report' }).click()]);
    await chooser.setFiles({ name: 'border-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nBorder management peer review\n%%EOF\n') });
    await expert.getByText('border-report.pdf').waitFor();
    await expert.getByText('Document uploaded.').waitFor();

    await commission.goto(`${product.url}${missionPath}`);
    // Not before the ministry has the report: the measure goes into its Action Plan.
    expect(await commission.getByRole('button', { name: 'Make it a corrective measure' }).count()).toBe(0);
    await commission.getByRole('button', { name: 'Share the report with the ministry' }).click();
    const sharing = await openedDialog(commission, 'Share the report with the ministry?');
    await sharing.getByRole('button', { name: 'Share the report' }).click();
    await commission.getByText('The report is shared with the ministry.').waitFor();
    await commission.getByRole('button', { name: 'Make it a corrective measure' }).click();
    await commission.getByText('A corrective measure was added to the Action Plan.').waitFor();
    await commission.getByRole('link', { name: 'Action Plan', exact: true }).last().click();

    const measures = commission.getByRole('region', { name: 'Corrective measures from peer-review recommendations' });
    await measures.getByText('Adopt a risk-analysis manual.').waitFor();
    await measures.getByRole('link', { name: TITLE }).waitFor();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
  });
});
