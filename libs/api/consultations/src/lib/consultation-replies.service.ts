import { Injectable, type StreamableFile } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { DOCUMENT_KINDS, FilesService, type Upload } from '@bt/api/files';
import { type Actor, auditActor, type Viewer } from '@bt/api/identity';
import type { ConsultationReplyDto, ConsultationReplyRequest, StoredFileDto } from '@bt/contracts';
import { acceptsReplies } from './consultation-access';
import { loadConsultation } from './consultation-rows';
import { ConsultationsService } from './consultations.service';

/** A recipient organisation's replies to a consultation's questions: drafts, sending, attached documents and their downloads. */
@Injectable()
export class ConsultationRepliesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly files: FilesService,
    private readonly consultations: ConsultationsService,
  ) {}

  /**
   * Locks the consultation and checks that this caller's organisation may answer this question now:
   * a member (ministry or civil society) of a recipient organisation, while open and before the deadline.
   */
  private async replyScope(em: EntityManager, viewer: Viewer, id: string, questionId: string): Promise<void> {
    const { row, access } = await loadConsultation(em, id, viewer, true);
    if (access !== 'recipient') throw refuse.forbidden('consultation.reply-only-recipient');
    const [question] = await em.query<unknown[]>(
      `SELECT 1 FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE q.id = $1 AND t.consultation_id = $2`,
      [questionId, id],
    );
    if (!question) throw refuse.notFound('consultation.question-not-found', { id: questionId });
    const [{ now }] = await em.query<{ now: Date }[]>(`SELECT now() AS now`);
    if (!acceptsReplies(row.state, row.deadline, now)) {
      throw row.state === 'open' ? refuse.conflict('consultation.deadline-passed') : refuse.conflict('consultation.replies-not-accepted', { state: row.state });
    }
  }

  /** Saves the caller's organisation's reply to a question as a draft, or sends it (final). */
  async saveReply(actor: Actor, id: string, questionId: string, request: ConsultationReplyRequest): Promise<ConsultationReplyDto> {
    const replyId = await this.dataSource.transaction(async (em) => {
      await this.replyScope(em, actor, id, questionId);
      const [existing] = await em.query<{ id: string; status: string }[]>(
        `SELECT id, status FROM consultation_reply WHERE question_id = $1 AND organisation_id = $2`,
        [questionId, actor.organisationId],
      );
      if (existing?.status === 'sent') throw refuse.conflict('consultation.reply-sent-already');
      if (request.send && !request.text.trim()) throw refuse.unprocessable('consultation.reply-empty');
      const [saved] = await em.query<{ id: string }[]>(
        `INSERT INTO consultation_reply (question_id, organisation_id, text, status, sent_at, author_id) VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'sent' THEN now() END, $5)
         ON CONFLICT (question_id, organisation_id) DO UPDATE SET text = EXCLUDED.text, status = EXCLUDED.status, sent_at = EXCLUDED.sent_at, author_id = EXCLUDED.author_id, updated_at = now()
         RETURNING id`,
        [questionId, actor.organisationId, request.text, request.send ? 'sent' : 'draft', actor.userId],
      );
      await this.audit.record(em, auditActor(actor), {
        action: request.send ? 'consultation.reply_sent' : 'consultation.reply_saved',
        entityType: 'consultation',
        entityId: id,
        data: { questionId, replyId: saved.id, organisationId: actor.organisationId },
      });
      return saved.id;
    });
    const [reply] = (await this.consultations.replies(this.dataSource.manager, id, false, actor.organisationId)).filter((r) => r.id === replyId);
    return reply;
  }

  /** Attaches a document to the caller's organisation's (unsent) reply, creating the draft when there is none. */
  async attachFile(actor: Actor, id: string, questionId: string, file: Upload | undefined): Promise<StoredFileDto> {
    // Refuse before receiving bytes when the caller may not reply at all.
    await this.dataSource.transaction((em) => this.replyScope(em, actor, id, questionId));
    const received = await this.files.receive(file, DOCUMENT_KINDS);
    return this.files.keepIf(received, () =>
      this.dataSource.transaction(async (em) => {
        await this.replyScope(em, actor, id, questionId);
        const [reply] = await em.query<{ id: string; status: string }[]>(
          `INSERT INTO consultation_reply (question_id, organisation_id, author_id) VALUES ($1, $2, $3)
           ON CONFLICT (question_id, organisation_id) DO UPDATE SET updated_at = now() RETURNING id, status`,
          [questionId, actor.organisationId, actor.userId],
        );
        if (reply.status === 'sent') throw refuse.conflict('consultation.reply-sent-already');
        const stored = await this.files.record(em, received, actor.userId);
        await em.query(`INSERT INTO consultation_reply_file (reply_id, stored_file_id) VALUES ($1, $2)`, [reply.id, stored.id]);
        await this.audit.record(em, auditActor(actor), {
          action: 'consultation.reply_file_attached',
          entityType: 'consultation',
          entityId: id,
          data: { questionId, replyId: reply.id, fileId: stored.id, fileName: stored.fileName, sha256: stored.sha256 },
        });
        return stored;
      }),
    );
  }

  /** A reply's attachment, for a caller who may see that reply. */
  async file(viewer: Viewer | null, id: string, fileId: string): Promise<StreamableFile> {
    const em = this.dataSource.manager;
    const { row, access } = await loadConsultation(em, id, viewer, false);
    const [owner] = await em.query<{ organisation_id: string; status: string }[]>(
      `SELECT p.organisation_id, p.status FROM consultation_reply_file rf JOIN consultation_reply p ON p.id = rf.reply_id
         JOIN consultation_question q ON q.id = p.question_id JOIN consultation_topic t ON t.id = q.topic_id
        WHERE rf.stored_file_id = $1 AND t.consultation_id = $2`,
      [fileId, id],
    );
    const ownReply = access === 'recipient' && owner?.organisation_id === viewer?.organisationId;
    const sentAndVisible = owner?.status === 'sent' && (access === 'commission' || row.state === 'published');
    if (!owner || !(ownReply || sentAndVisible)) throw refuse.notFound('consultation.file-not-found', { id: fileId });
    return this.files.download(fileId);
  }
}
