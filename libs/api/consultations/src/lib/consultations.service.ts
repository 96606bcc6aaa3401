import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type StoredFileColumns, storedFileDto } from '@bt/api/files';
import { hasRole, type Viewer } from '@bt/api/identity';
import type { ConsultationDto, ConsultationOrganisationDto, ConsultationReplyDto, ConsultationSummaryItemDto } from '@bt/contracts';
import { availableConsultationEvents } from '@bt/workflow';
import { acceptsReplies } from './consultation-access';
import { type ConsultationRow, iso, loadConsultation, organisationDto, type OrganisationRow, restore } from './consultation-rows';

/** A consultation as the list shows it. */
type ItemRow = Pick<ConsultationRow, 'id' | 'title' | 'reference' | 'state' | 'deadline' | 'published_at'> & {
  recipient_count: number;
  question_count: number;
};

/**
 * Written consultations of the partners (docs/design.md, The model) as they are read: the list, one
 * consultation with its topics, questions, replies and summaries as far as the caller may see them,
 * and its history. The writes are the jobs of ConsultationDraftingService (the Commission's draft and
 * the machine's transitions), ConsultationRepliesService and ConsultationSummariesService.
 */
@Injectable()
export class ConsultationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The consultations this caller may see, newest first. */
  async list(viewer: Viewer | null): Promise<ConsultationSummaryItemDto[]> {
    const commission = hasRole(viewer, 'commission');
    const recipientOrg = viewer && hasRole(viewer, 'ministry', 'civil_society') ? viewer.organisationId : null;
    const rows = await this.dataSource.query<ItemRow[]>(
      `SELECT c.id, c.title, c.reference, c.state, c.deadline, c.published_at,
              (SELECT count(*)::int FROM consultation_recipient r WHERE r.consultation_id = c.id) AS recipient_count,
              (SELECT count(*)::int FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = c.id) AS question_count
         FROM consultation c
        WHERE $1::boolean OR c.state = 'published'
           OR (c.state <> 'draft' AND EXISTS (SELECT 1 FROM consultation_recipient r WHERE r.consultation_id = c.id AND r.organisation_id = $2::uuid))
        ORDER BY c.created_at DESC`,
      [commission, recipientOrg],
    );
    return rows.map((r) => this.item(r));
  }

  private item(r: ItemRow): ConsultationSummaryItemDto {
    return {
      id: r.id,
      title: r.title,
      reference: r.reference,
      state: r.state,
      deadline: iso(r.deadline),
      publishedAt: iso(r.published_at),
      recipientCount: r.recipient_count,
      questionCount: r.question_count,
    };
  }

  /** The organisations of the partners (ministries, coordination bodies, CSOs) a consultation can be sent to. */
  async recipientOptions(): Promise<ConsultationOrganisationDto[]> {
    const rows = await this.dataSource.query<OrganisationRow[]>(
      `SELECT id, name, kind, country_code FROM organisation WHERE country_code IS NOT NULL ORDER BY country_code, name`,
    );
    return rows.map(organisationDto);
  }
  /** The consultation as this caller may see it. */
  async get(viewer: Viewer | null, id: string): Promise<ConsultationDto> {
    const em = this.dataSource.manager;
    const { row, facts, access } = await loadConsultation(em, id, viewer, false);
    const published = row.state === 'published';
    const topics = await em.query<{ id: string; position: number; title: string }[]>(
      `SELECT id, position, title FROM consultation_topic WHERE consultation_id = $1 ORDER BY position`,
      [id],
    );
    const questions = await em.query<{ id: string; topic_id: string; position: number; text: string }[]>(
      `SELECT q.id, q.topic_id, q.position, q.text FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = $1 ORDER BY q.position`,
      [id],
    );
    const recipients = (
      await em.query<OrganisationRow[]>(
        `SELECT o.id, o.name, o.kind, o.country_code FROM consultation_recipient r JOIN organisation o ON o.id = r.organisation_id WHERE r.consultation_id = $1 ORDER BY o.country_code, o.name`,
        [id],
      )
    ).map(organisationDto);
    // Sent replies for the Commission and, once published, for everyone; a recipient's own replies (drafts too) for its members.
    const replies = await this.replies(em, id, access === 'commission' || published, access === 'recipient' ? (viewer as Viewer).organisationId : null);
    const seesSummary = access === 'commission' || published;
    const summaries = seesSummary
      ? await em.query<{ question_id: string; text: string; updated_at: Date; cited: OrganisationRow[] }[]>(
          `SELECT s.question_id, s.text, s.updated_at,
                  coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'country_code', o.country_code) ORDER BY o.country_code, o.name)
                              FROM consultation_summary_citation c JOIN organisation o ON o.id = c.organisation_id WHERE c.question_id = s.question_id), '[]') AS cited
             FROM consultation_summary s JOIN consultation_question q ON q.id = s.question_id JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = $1`,
          [id],
        )
      : [];
    const summaryOf = new Map(summaries.map((s) => [s.question_id, s]));
    const now = row.now;
    return {
      ...this.item({ ...row, recipient_count: facts.recipientCount, question_count: facts.questionCount }),
      introduction: row.introduction,
      version: row.version,
      recipients,
      topics: topics.map((t) => ({
        id: t.id,
        position: t.position,
        title: t.title,
        questions: questions
          .filter((q) => q.topic_id === t.id)
          .map((q) => {
            const s = summaryOf.get(q.id);
            return {
              id: q.id,
              position: q.position,
              text: q.text,
              replies: replies.filter((r) => r.questionId === q.id),
              summary: s ? { text: s.text, cited: s.cited.map(organisationDto), updatedAt: s.updated_at.toISOString() } : null,
            };
          }),
      })),
      isRecipient: row.is_recipient,
      acceptingReplies: acceptsReplies(row.state, row.deadline, now),
      availableEvents: viewer ? availableConsultationEvents(restore(row).value, { roles: viewer.roles }, facts) : [],
    };
  }

  /** The replies of a consultation: every sent one (`allSent`), and an organisation's own, drafts too. */
  async replies(em: EntityManager, consultationId: string, allSent: boolean, ownOrganisation: string | null): Promise<ConsultationReplyDto[]> {
    if (!allSent && !ownOrganisation) return [];
    const rows = await em.query<ReplyRow[]>(
      `SELECT p.*, o.name, o.kind, o.country_code, u.display_name,
              coalesce((SELECT json_agg(json_build_object('id', f.id, 'file_name', f.file_name, 'media_type', f.media_type, 'kind', f.kind, 'sha256', f.sha256, 'size', f.size,
                                                          'uploaded_at', f.uploaded_at, 'uploaded_by_name', fu.display_name) ORDER BY f.uploaded_at)
                          FROM consultation_reply_file rf JOIN stored_file f ON f.id = rf.stored_file_id JOIN app_user fu ON fu.id = f.uploaded_by WHERE rf.reply_id = p.id), '[]') AS files
         FROM consultation_reply p
         JOIN consultation_question q ON q.id = p.question_id JOIN consultation_topic t ON t.id = q.topic_id
         JOIN organisation o ON o.id = p.organisation_id JOIN app_user u ON u.id = p.author_id
        WHERE t.consultation_id = $1 AND (($2::boolean AND p.status = 'sent') OR p.organisation_id = $3::uuid)
        ORDER BY o.country_code, o.name`,
      [consultationId, allSent, ownOrganisation],
    );
    return rows.map((r) => ({
      id: r.id,
      questionId: r.question_id,
      organisation: organisationDto({ id: r.organisation_id, name: r.name, kind: r.kind, country_code: r.country_code }),
      text: r.text,
      status: r.status,
      sentAt: r.sent_at?.toISOString() ?? null,
      author: r.display_name,
      updatedAt: r.updated_at.toISOString(),
      files: r.files.map(storedFileDto),
    }));
  }
  /**
   * The consultation's audit events (commission), oldest first — but a recipient's drafting (a reply
   * saved or a document attached before it is sent) only once that reply is sent: drafts are the
   * recipient's own, and their files' names, hashes and ids are not the Commission's to see.
   */
  async history(viewer: Viewer, id: string): Promise<{ at: string; actor: string | null; action: string; data: unknown }[]> {
    await loadConsultation(this.dataSource.manager, id, viewer, false);
    const rows = await this.dataSource.query<{ occurred_at: Date; action: string; data: unknown; actor: string | null }[]>(
      `SELECT e.occurred_at, e.action, e.data, coalesce(u.display_name, e.actor_label) AS actor FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
        WHERE e.entity_type = 'consultation' AND e.entity_id = $1
          AND (e.action NOT IN ('consultation.reply_saved', 'consultation.reply_file_attached')
               OR EXISTS (SELECT 1 FROM consultation_reply r WHERE r.id::text = e.data->>'replyId' AND r.status = 'sent'))
        ORDER BY e.id`,
      [id],
    );
    return rows.map((r) => ({ at: r.occurred_at.toISOString(), actor: r.actor, action: r.action, data: r.data }));
  }
}

/** A reply (`p.*`) with its organisation, author and files (JSON: their timestamps as ISO text). */
interface ReplyRow {
  id: string;
  question_id: string;
  organisation_id: string;
  text: string;
  status: ConsultationReplyDto['status'];
  sent_at: Date | null;
  updated_at: Date;
  name: string;
  kind: OrganisationRow['kind'];
  country_code: string | null;
  display_name: string;
  files: StoredFileColumns[];
}
