import { isLanguage, type Language } from '@bt/i18n';
import type { TextValues } from '@bt/i18n/server';
import { type MailKind, mailTexts } from './mail-texts';

/** What a notification e-mail is made of: the notification as stored, and who gets it. */
export interface MailNotification {
  kind: MailKind;
  facts: Record<string, string | number | boolean>;
  /** A quotation (the Commission's comment, a proposal's opening words), as written. */
  detail: string | null;
  /** The web app's path, e.g. `/benchmarks/RS-24-MIG-01?tab=dialogue`. */
  link: string;
}

export interface MailRecipient {
  name: string;
  /** The language the person chose for the app; null: English. */
  language: string | null;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page's address, in the person's language when it is not English (a link keeps its language, as the app's own links do). */
export function pageUrl(publicUrl: string, link: string, language: Language): string {
  const url = new URL(`${publicUrl}${link}`);
  if (language !== 'en') url.searchParams.set('lang', language);
  return url.toString();
}

const languageOf = (recipient: MailRecipient): Language => (isLanguage(recipient.language) ? recipient.language : 'en');

/** The notification's sentence in the reader's language (an e-mail's subject, a digest's item). */
function subjectOf(notification: MailNotification, language: Language): string {
  const t = mailTexts(language);
  const values: TextValues = {};
  for (const [name, value] of Object.entries(notification.facts)) values[name] = typeof value === 'boolean' ? String(value) : value;
  if (notification.kind === 'proposal.answered')
    values['decision'] = t(`decision.${notification.facts['decision'] as 'accepted' | 'partly_accepted' | 'not_accepted'}`);
  return t(`subject.${notification.kind}`, values);
}

/** Where a sentence's address goes (a character no text has), for withLink to put the link in. */
const LINK = '\u0000';

/** A sentence as HTML with its address, written where LINK stands, as a link. */
function withLink(sentence: string, url: string): string {
  return escapeHtml(sentence).replace(LINK, `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`);
}

/**
 * An e-mail's HTML part, every mail's frame: the page in the reader's language titled with the
 * subject, the greeting, the mail's own body (HTML ending in a line break), then below a rule the
 * footer (HTML: why the mail came, where to change that) in small type.
 */
function htmlMail(language: Language, subject: string, greeting: string, body: string, footer: string): string {
  return `<!DOCTYPE html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #1b1b1f;">
<p>${escapeHtml(greeting)}</p>
${body}<hr>
<p style="font-size: 0.875em; color: #555;">${footer}</p>
</body></html>
`;
}

/**
 * A notification as an e-mail in the person's language: the subject as its first line, the quotation,
 * a link straight to the page, and a footer saying why the person gets it, where to change that and
 * (given its signed link) how to stop e-mails of this kind in one click.
 * A plain-text part and an HTML part with the same words.
 */
export function composeMail(notification: MailNotification, recipient: MailRecipient, publicUrl: string, unsubscribeUrl?: string): ComposedMail {
  const language = languageOf(recipient);
  const t = mailTexts(language);
  const subject = subjectOf(notification, language);
  const link = pageUrl(publicUrl, notification.link, language);
  const account = pageUrl(publicUrl, '/account', language);
  const greeting = t('greeting', { name: recipient.name });
  const why = t(`why.${notification.kind}`);
  const change = t('change', { account });
  const unsubscribe = unsubscribeUrl ? [t('unsubscribe', { link: unsubscribeUrl })] : [];
  const text = [
    greeting,
    '',
    subject,
    ...(notification.detail ? ['', ...notification.detail.split('\n').map((line) => `> ${line}`)] : []),
    '',
    t('open', { link }),
    '',
    '-- ',
    why,
    change,
    ...unsubscribe,
    '',
  ].join('\n');
  const html = htmlMail(
    language,
    subject,
    greeting,
    `<p><strong>${escapeHtml(subject)}</strong></p>
${notification.detail ? `<blockquote style="margin: 0 0 1em; padding-left: 1em; border-left: 4px solid #ccc; white-space: pre-line;">${escapeHtml(notification.detail)}</blockquote>\n` : ''}<p><a href="${escapeHtml(link)}">${escapeHtml(t('openButton'))}</a></p>
`,
    `${escapeHtml(why)}<br>${withLink(t('change', { account: LINK }), account)}${unsubscribeUrl ? `<br>${withLink(t('unsubscribe', { link: LINK }), unsubscribeUrl)}` : ''}`,
  );
  return { subject, text, html };
}

/**
 * The day's digest: the notifications a person chose to get in it, as one e-mail in their language —
 * each its sentence and a link straight to its page (plain text and HTML), oldest first, and a footer
 * saying why and where to change it.
 */
export function composeDigest(notifications: MailNotification[], recipient: MailRecipient, publicUrl: string): ComposedMail {
  const language = languageOf(recipient);
  const t = mailTexts(language);
  const subject = t('digest.subject', { count: notifications.length });
  const items = notifications.map((n) => ({ sentence: subjectOf(n, language), link: pageUrl(publicUrl, n.link, language) }));
  const account = pageUrl(publicUrl, '/account', language);
  const greeting = t('greeting', { name: recipient.name });
  const text = [
    greeting,
    '',
    t('digest.intro'),
    '',
    ...items.flatMap((i) => [`- ${i.sentence}`, `  ${i.link}`]),
    '',
    '-- ',
    t('digest.why'),
    t('change', { account }),
    '',
  ].join('\n');
  const html = htmlMail(
    language,
    subject,
    greeting,
    `<p>${escapeHtml(t('digest.intro'))}</p>
<ul>
${items.map((i) => `<li><a href="${escapeHtml(i.link)}">${escapeHtml(i.sentence)}</a></li>`).join('\n')}
</ul>
`,
    `${escapeHtml(t('digest.why'))}<br>${withLink(t('change', { account: LINK }), account)}`,
  );
  return { subject, text, html };
}
