import type { ConsultationDto, ConsultationOrganisationDto, ConsultationReplyDto } from '@bt/contracts';
import { type Block, heading, paragraph } from './report-document';
import type { ReportWording } from './report-texts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/**
 * A written consultation laid out as the Council's note lays it out (seeds/sources/001_…): its
 * introduction; per topic, each question with the summary of the replies; then, in an annex, every
 * partner's sent replies question by question. Drafts never appear, whoever downloads it.
 */
export function consultationDocument(consultation: ConsultationDto, t: ReportWording): Block[] {
  const blocks: Block[] = [{ kind: 'title', text: consultation.title, subtitle: t('consultation.title') }];
  const facts = [
    consultation.reference ? t('consultation.reference', { reference: consultation.reference }) : '',
    consultation.publishedAt ? t('consultation.published', { at: new Date(consultation.publishedAt) }) : t('consultation.notPublished'),
  ].filter(Boolean);
  blocks.push(paragraph(facts.join(' · '), 'note'));
  if (consultation.introduction.trim()) blocks.push(paragraph(consultation.introduction.trim()));
  blocks.push({ kind: 'contents', title: t('contents') }, { kind: 'pageBreak' });

  for (const [i, topic] of consultation.topics.entries()) {
    blocks.push(heading(1, `${ROMAN[i] ?? i + 1} – ${topic.title}`));
    for (const question of topic.questions) {
      blocks.push(heading(2, question.text));
      if (question.summary) {
        blocks.push(paragraph(question.summary.text));
        if (question.summary.cited.length)
          blocks.push(paragraph(t('consultation.cited', { names: question.summary.cited.map((o) => o.name).join(', ') }), 'note'));
      } else {
        blocks.push(paragraph(t('consultation.noSummary'), 'note'));
      }
    }
  }

  blocks.push({ kind: 'pageBreak' }, heading(1, t('consultation.annex')));
  const sent = consultation.topics.flatMap((topic) =>
    topic.questions.flatMap((q) => q.replies.filter((r) => r.status === 'sent').map((r) => ({ question: q.text, reply: r }))),
  );
  const partners = new Map<string, { organisation: ConsultationOrganisationDto; replies: { question: string; reply: ConsultationReplyDto }[] }>();
  for (const item of sent) {
    const entry = partners.get(item.reply.organisation.id) ?? { organisation: item.reply.organisation, replies: [] };
    entry.replies.push(item);
    partners.set(item.reply.organisation.id, entry);
  }
  if (!partners.size) blocks.push(paragraph(t('consultation.noReplies'), 'note'));
  for (const { organisation, replies } of partners.values()) {
    blocks.push(heading(2, `${organisation.name} (${organisation.countryCode})`));
    for (const { question, reply } of replies) {
      blocks.push(paragraph(question, 'bold'), paragraph(reply.text));
      if (reply.files.length)
        blocks.push(paragraph(`${t('evidence.files')}: ${reply.files.map((f) => `${f.fileName} (SHA-256 ${f.sha256})`).join('; ')}`, 'note'));
    }
  }
  return blocks;
}
