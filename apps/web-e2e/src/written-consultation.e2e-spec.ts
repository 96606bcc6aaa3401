import type { Browser, Page } from 'playwright-core';
import { launchChromium, openedDialog, seriousAccessibilityProblems, signIn, startProduct } from './browser';

/*
 * A written consultation from draft to publication, each person in their own browser context: the
 * Commission builds it (two topics, two partner ministries and a CSO as recipients; leaving the
 * builder unsaved asks first) and opens it; Albania's ministry saves a draft and then sends, Serbia's
 * ministry sends, the Serbian CSO reloads its half-written reply (kept in the browser) and sends; the
 * Commission closes it, writes a summary per question with the replies side by side, marks it
 * summarised and publishes; an anonymous visitor reads the summaries and the replies.
 */
describe('a written consultation with two partner ministries and a CSO, published for anyone', () => {
  const TITLE = 'Reception capacity after the pandemic (e2e)';
  const QUESTIONS = ['What are the main gaps in reception capacity?', 'Which measures address migrant smuggling?'];
  const RECIPIENTS = ['Albania, Ministry of Interior (demo)', 'Serbia, Ministry of Justice (demo)', 'Serbian civil-society coalition for Chapter 24 (demo)'];

  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let commission: Page;
  let id: string;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchChromium();
    commission = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** The deadline: some days ahead at 5 PM where the product runs (the same machine). */
  const deadline = new Date();
  deadline.setDate(deadline.getDate() + 3);
  deadline.setHours(17, 0, 0, 0);

  it('lets the Commission build the consultation and open it', async () => {
    await signIn(commission, product.url, 'commission@demo.test', '/consultations');
    await commission.getByRole('heading', { name: 'Written consultations', level: 1 }).waitFor();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
    await commission.getByLabel('Title').fill(TITLE);
    await commission.getByRole('button', { name: 'Create draft' }).click();
    await commission.waitForURL(/\/consultations\/[0-9a-f-]{36}\/edit$/);
    id = commission.url().split('/').at(-2) as string;

    // Typed as a person in English (US) writes a date; the time chosen from the time picker's list, opened by keyboard.
    await commission.getByLabel('Deadline for replies').fill(`${deadline.getMonth() + 1}/${deadline.getDate()}/${deadline.getFullYear()}`);
    const time = commission.getByRole('combobox', { name: 'Time of the deadline' });
    await time.press('ArrowDown');
    await commission.getByRole('option', { name: '5:00 PM' }).click();
    expect(await time.inputValue()).toBe('5:00 PM');
    await commission.getByRole('button', { name: 'Add a topic' }).click();
    await commission.getByLabel('Title of topic 1').fill('Asylum reception capacity, irregular migration');
    await commission.getByLabel('Question 1.1').fill(QUESTIONS[0]);
    await commission.getByRole('button', { name: 'Add a question to topic 1' }).click();
    await commission.getByLabel('Question 1.2').fill(QUESTIONS[1]);
    for (const name of RECIPIENTS) await commission.getByRole('checkbox', { name }).check();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
    // Leaving the builder with all this unsaved asks first; staying keeps every field as it was.
    await commission.getByRole('link', { name: 'Back to the consultation' }).click();
    const leaving = await openedDialog(commission, 'Leave this page?');
    await leaving.getByRole('button', { name: 'Cancel' }).click();
    await leaving.waitFor({ state: 'detached' });
    expect(new URL(commission.url()).pathname).toBe(`/consultations/${id}/edit`);
    expect(await commission.getByLabel('Question 1.2').inputValue()).toBe(QUESTIONS[1]);
    await commission.getByRole('button', { name: 'Save and return' }).click();
    await commission.waitForURL((url) => url.pathname === `/consultations/${id}`);
    // The same instant as the old date-time field sent: that day at 5 PM where the person is.
    await commission.locator(`time[datetime="${deadline.toISOString()}"]`).waitFor();

    await commission.getByRole('button', { name: 'Open for replies' }).click();
    // It cannot be taken back: the Commission is told what follows, and confirms.
    const opening = await openedDialog(commission, 'Open the consultation for replies?');
    await opening.getByText('Every recipient is told at once').waitFor();
    await opening.getByRole('button', { name: 'Open for replies' }).click();
    await commission.getByText('State: Open for replies').waitFor();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);
  });

  it('lets each recipient reply: Albania saves a draft first, then everyone sends', async () => {
    const replies: [string, string][] = [
      ['ministry.al@demo.test', 'Albania: the Karrec reception centre needs renovation.'],
      ['ministry@demo.test', 'Serbia: we share biometric data for security purposes.'],
      ['cso@demo.test', 'Civil society: access to health care in centres is restricted.'],
    ];
    for (const [email, text] of replies) {
      // The CSO replies on a phone.
      const page = await (await browser.newContext(email === 'cso@demo.test' ? { viewport: { width: 390, height: 844 } } : {})).newPage();
      await signIn(page, product.url, email, `/consultations/${id}`);
      await page.getByRole('link', { name: 'Reply to the questions' }).click();
      await page.waitForURL((url) => url.pathname === `/consultations/${id}/reply`);
      await page.getByLabel('Your reply to question 1.1').fill(text);
      if (email === 'cso@demo.test') {
        // A reload loses nothing: the browser asks first, and the answer typed comes back, saying so.
        const asked: string[] = [];
        page.once('dialog', (dialog) => {
          asked.push(dialog.type());
          void dialog.accept();
        });
        await page.getByLabel('Your reply to question 1.1').press('End'); // a key pressed: the browser asks only after a person has acted
        await page.reload();
        expect(asked).toEqual(['beforeunload']);
        await page.getByText(/Your unsent draft from .* was restored/).waitFor();
        expect(await page.getByLabel('Your reply to question 1.1').inputValue()).toBe(text);
        expect(await seriousAccessibilityProblems(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
      await page.getByLabel('Your reply to question 1.2').fill(`${text} More cooperation is needed.`);
      if (email === 'ministry.al@demo.test') {
        await page.getByRole('button', { name: 'Save drafts' }).click();
        await page.getByText('Your drafts were saved.').waitFor();
        await page.getByText('Draft saved, not sent').first().waitFor();
        expect(await seriousAccessibilityProblems(page)).toEqual([]);
      }
      await page.getByRole('button', { name: 'Send replies' }).click();
      const sending = await openedDialog(page, 'Send your replies?');
      await sending.getByRole('button', { name: 'Send replies' }).click();
      await page.getByText('Your replies were sent.').waitFor();
      await page.getByText(text, { exact: true }).waitFor();
      // Sent: no draft is left in this browser.
      expect(await page.evaluate((key) => localStorage.getItem(key), `bt.draft.reply.${id}`)).toBeNull();
      await page.context().close();
    }
  });

  it('lets the Commission close, summarise each question with the replies side by side, and publish', async () => {
    await commission.reload();
    await commission.getByRole('button', { name: 'Close', exact: true }).click();
    await commission.getByText('State: Closed').waitFor();
    await commission.getByRole('link', { name: 'Write the summaries' }).click();
    await commission.waitForURL((url) => url.pathname === `/consultations/${id}/summaries`);
    const first = commission.getByRole('list', { name: 'Replies side by side' }).first();
    for (const name of RECIPIENTS) await first.getByText(name).waitFor();
    await first.getByText('Albania: the Karrec reception centre needs renovation.').waitFor();
    expect(await seriousAccessibilityProblems(commission)).toEqual([]);

    await commission
      .getByLabel('Summary of the replies to question 1.1')
      .fill('Partners reported staff and hygiene gaps in reception centres (Albania, Serbia).');
    const cites = commission.getByRole('group', { name: 'The summary draws on the replies of' });
    await cites.first().getByRole('checkbox', { name: RECIPIENTS[0] }).check();
    await cites.first().getByRole('checkbox', { name: RECIPIENTS[1] }).check();
    await commission.getByRole('button', { name: 'Save summary 1.1' }).click();
    await commission.getByLabel('Summary of the replies to question 1.2').fill('All partners ask for more operational cooperation.');
    await commission.getByRole('button', { name: 'Save summary 1.2' }).click();
    await commission.getByText('Saved').nth(1).waitFor();

    await commission.getByRole('link', { name: 'Back to the consultation' }).click();
    await commission.getByRole('button', { name: 'Mark as summarised' }).click();
    await commission.getByText('State: Summarised').waitFor();
    await commission.getByRole('button', { name: 'Publish' }).click();
    const publishing = await openedDialog(commission, 'Publish the consultation?');
    await publishing.getByRole('button', { name: 'Publish' }).click();
    await commission.getByText('State: Published').waitFor();
  });

  it('lets an anonymous visitor read the published summaries and replies', async () => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${product.url}/consultations`);
    await visitor.getByRole('link', { name: TITLE }).click();
    await visitor.waitForURL((url) => url.pathname === `/consultations/${id}`);
    await visitor.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await visitor.getByText('Partners reported staff and hygiene gaps in reception centres (Albania, Serbia).').waitFor();
    await visitor.getByText(`Draws on the replies of: ${RECIPIENTS[0]}, ${RECIPIENTS[1]}`).waitFor();
    await visitor.getByText('Civil society: access to health care in centres is restricted.', { exact: true }).waitFor();
    expect(await visitor.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await seriousAccessibilityProblems(visitor)).toEqual([]);
    // The seeded 2020 consultation of the six partners is there for anyone too.
    await visitor.goto(`${product.url}/consultations`);
    await visitor.getByRole('link', { name: /informal written consultation on Home Affairs/ }).waitFor();
  });
});
