import { HttpStatus, Injectable } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { transition } from 'xstate';
import { AuditService } from '@bt/api/audit';
import { Refusal, refuse, unmetCondition } from '@bt/api/core';
import { DOCUMENT_KINDS, FilesService, storedFileDto } from '@bt/api/files';
import { actorOfViewer, hasRole, type Viewer } from '@bt/api/identity';
import type {
  ConsultationDto,
  ConsultationOrganisationDto,
  ConsultationReplyDto,
  ConsultationReplyRequest,
  ConsultationSummaryItemDto,
  ConsultationSummaryRequest,
  ConsultationTopicInput,
  ConsultationTransitionRequest,
  ConsultationTransitionResultDto,
  CreateConsultationRequest,
  StoredFileDto,
  UpdateConsultationRequest,
} from '@bt/contracts';
import {
  availableConsultationEvents,
  CONSULTATION_MACHINE_VERSION,
  type ConsultationEvent,
  type ConsultationFacts,
  consultationMachine,
  type ConsultationState,
  explainConsultationEvent,
  mayFireConsultation,
} from '@bt/workflow';
import { acceptsReplies, type ConsultationAccess, consultationAccess } from './consultation-access';

type Row = Record<string, any>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The consultation with everything its guards read, in one query; `lock` takes the row lock of a change. */
async function loadConsultation(em: EntityManager, id: string, viewer: Viewer | null, lock: boolean): Promise<{ row: Row; facts: ConsultationFacts; access: ConsultationAccess }> {
  const [row] = await em.query(
    `SELECT c.*,
            EXISTS (SELECT 1 FROM consultation_recipient r WHERE r.consultation_id = c.id AND r.organisation_id = $2::uuid) AS is_recipient,
            (SELECT count(*)::int FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = c.id) AS question_count,
            (SELECT count(*)::int FROM consultation_topic t WHERE t.consultation_id = c.id AND NOT EXISTS (SELECT 1 FROM consultation_question q WHERE q.topic_id = t.id)) AS empty_topic_count,
            (SELECT count(*)::int FROM consultation_recipient r WHERE r.consultation_id = c.id) AS recipient_count,
            (SELECT count(*)::int FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id
              WHERE t.consultation_id = c.id AND NOT EXISTS (SELECT 1 FROM consultation_summary s WHERE s.question_id = q.id)) AS unsummarised_count,
            (SELECT count(*)::int FROM consultation_reply p JOIN consultation_question q ON q.id = p.question_id JOIN consultation_topic t ON t.id = q.topic_id
              WHERE t.consultation_id = c.id AND p.status = 'sent') AS sent_reply_count,
            now() AS now
       FROM consultation c WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
    [id, viewer?.organisationId ?? null],
  );
  const access = row ? consultationAccess(viewer, row.state, row.is_recipient) : null;
  if (!row || !access) throw refuse.notFound('consultation.not-found', { id });
  const facts: ConsultationFacts = {
    questionCount: row.question_count,
    emptyTopicCount: row.empty_topic_count,
    recipientCount: row.recipient_count,
    deadline: iso(row.deadline),
    unsummarisedCount: row.unsummarised_count,
    sentReplyCount: row.sent_reply_count,
    now: new Date(row.now).toISOString(),
  };
  return { row, facts, access };
}

function restore(row: Row) {
  return consultationMachine.resolveState({ value: (row.snapshot?.value ?? row.state) as ConsultationState, context: {} });
}

function organisationDto(r: Row): ConsultationOrganisationDto {
  return { id: r.id, name: r.name, kind: r.kind, countryCode: (r.country_code ?? '').trim() };
}

/**
 * Written consultations of the partners (docs/design.md, The model): the Commission drafts topics, questions and
 * recipients, opens, closes, summarises per question and publishes, through the consultation machine
 * of libs/workflow — each change one transaction with its audit event, like benchmark transitions.
 */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly files: FilesService,
  ) {}

  /** The consultations this caller may see, newest first. */
  async list(viewer: Viewer | null): Promise<ConsultationSummaryItemDto[]> {
    const commission = hasRole(viewer, 'commission');
    const recipientOrg = viewer && hasRole(viewer, 'ministry', 'civil_society') ? viewer.organisationId : null;
    const rows = await this.dataSource.query(
      `SELECT c.id, c.title, c.reference, c.state, c.deadline, c.published_at,
              (SELECT count(*)::int FROM consultation_recipient r WHERE r.consultation_id = c.id) AS recipient_count,
              (SELECT count(*)::int FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = c.id) AS question_count
         FROM consultation c
        WHERE $1::boolean OR c.state = 'published'
           OR (c.state <> 'draft' AND EXISTS (SELECT 1 FROM consultation_recipient r WHERE r.consultation_id = c.id AND r.organisation_id = $2::uuid))
        ORDER BY c.created_at DESC`,
      [commission, recipientOrg],
    );
    return rows.map((r: Row) => this.item(r));
  }

  private item(r: Row): ConsultationSummaryItemDto {
    return { id: r.id, title: r.title, reference: r.reference, state: r.state, deadline: iso(r.deadline), publishedAt: iso(r.published_at), recipientCount: r.recipient_count, questionCount: r.question_count };
  }

  /** The organisations of the partners (ministries, coordination bodies, CSOs) a consultation can be sent to. */
  async recipientOptions(): Promise<ConsultationOrganisationDto[]> {
    const rows = await this.dataSource.query(`SELECT id, name, kind, country_code FROM organisation WHERE country_code IS NOT NULL ORDER BY country_code, name`);
    return rows.map(organisationDto);
  }

  async create(viewer: Viewer, request: CreateConsultationRequest, ip: string): Promise<ConsultationDto> {
    const id = await this.dataSource.transaction(async (em) => {
      const [row] = await em.query(
        `INSERT INTO consultation (title, reference, introduction, deadline, state, snapshot, machine_version, created_by) VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7) RETURNING id`,
        [request.title.trim(), request.reference?.trim() ?? '', request.introduction ?? '', request.deadline ?? null, JSON.stringify(consultationMachine.getPersistedSnapshot(restore({ state: 'draft' }))), CONSULTATION_MACHINE_VERSION, viewer.userId],
      );
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'consultation.created', entityType: 'consultation', entityId: row.id, data: { title: request.title.trim() } });
      return row.id as string;
    });
    return this.get(viewer, id);
  }

  /** Saves the draft's texts, topics, questions and recipients as the builder shows them (the whole draft). */
  async update(viewer: Viewer, id: string, request: UpdateConsultationRequest, ip: string): Promise<ConsultationDto> {
    await this.dataSource.transaction(async (em) => {
      const { row } = await loadConsultation(em, id, viewer, true);
      if (row.version !== request.version) throw refuse.conflict('consultation.changed-meanwhile', { current: row.version, sent: request.version });
      if (row.state !== 'draft') throw refuse.conflict('consultation.edit-only-draft');
      const recipients = [...new Set(request.recipientIds)];
      const found = await em.query(`SELECT id FROM organisation WHERE id = ANY($1) AND country_code IS NOT NULL`, [recipients]);
      if (found.length !== recipients.length) throw refuse.unprocessable('consultation.recipient-not-partner');
      await em.query(`UPDATE consultation SET title = $2, reference = $3, introduction = $4, deadline = $5, version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
        request.title.trim(),
        request.reference?.trim() ?? '',
        request.introduction ?? '',
        request.deadline ?? null,
      ]);
      const dropped = await saveTopics(em, id, request.topics);
      // An organisation taken off the recipients takes its unsent drafts with it (a draft consultation has no sent reply).
      const [, draftsRemoved] = await em.query(
        `DELETE FROM consultation_reply r USING consultation_question q JOIN consultation_topic t ON t.id = q.topic_id
          WHERE r.question_id = q.id AND t.consultation_id = $1 AND NOT (r.organisation_id = ANY($2::uuid[]))`,
        [id, recipients],
      );
      await em.query(`DELETE FROM consultation_recipient WHERE consultation_id = $1`, [id]);
      if (recipients.length) await em.query(`INSERT INTO consultation_recipient (consultation_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [id, recipients]);
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: 'consultation.updated',
        entityType: 'consultation',
        entityId: id,
        data: {
          version: row.version + 1,
          topics: request.topics.length,
          questions: request.topics.reduce((n, t) => n + t.questions.length, 0),
          recipients: recipients.length,
          ...(dropped.length ? { questionsRemoved: dropped } : {}),
          ...(draftsRemoved ? { draftsOfFormerRecipientsRemoved: draftsRemoved } : {}),
        },
      });
    });
    return this.get(viewer, id);
  }

  /** Fires a consultation event: version 409, not handled 409, role 403, guard 422 — then the machine's next state, written with its audit event. */
  async transition(viewer: Viewer, id: string, request: ConsultationTransitionRequest, ip: string): Promise<ConsultationTransitionResultDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, facts } = await loadConsultation(em, id, viewer, true);
      if (row.version !== request.version) throw refuse.conflict('consultation.changed-meanwhile', { current: row.version, sent: request.version });
      const snapshot = restore(row);
      const event = { type: request.event, deadline: request.deadline, facts } as ConsultationEvent;
      const explanation = explainConsultationEvent(snapshot.value, event);
      if (!explanation.handled) throw refuse.conflict('consultation.not-possible-now', { event: request.event, state: String(snapshot.value) });
      const notYours = mayFireConsultation({ roles: viewer.roles }, request.event);
      if (notYours) throw new Refusal(HttpStatus.FORBIDDEN, notYours);
      if (explanation.unmet) throw unmetCondition(request.event, explanation.unmet);
      const [next] = transition(consultationMachine, snapshot, event);
      const state = next.value as ConsultationState;
      await em.query(
        `UPDATE consultation SET state = $2, snapshot = $3, machine_version = $4, version = version + 1, updated_at = now(),
                deadline = coalesce($5::timestamptz, deadline), published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END
          WHERE id = $1`,
        [id, state, JSON.stringify(consultationMachine.getPersistedSnapshot(next)), CONSULTATION_MACHINE_VERSION, request.event === 'REOPEN' ? request.deadline : null],
      );
      const data: Record<string, unknown> = { event: request.event, from: snapshot.value, to: state, version: row.version + 1 };
      if (request.event === 'REOPEN') data['deadline'] = request.deadline;
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: `consultation.${request.event}`, entityType: 'consultation', entityId: id, data });
      return { state, version: row.version + 1 };
    });
  }

  /** The consultation as this caller may see it. */
  async get(viewer: Viewer | null, id: string): Promise<ConsultationDto> {
    const em = this.dataSource.manager;
    const { row, facts, access } = await loadConsultation(em, id, viewer, false);
    const published = row.state === 'published';
    const topics = await em.query(`SELECT id, position, title FROM consultation_topic WHERE consultation_id = $1 ORDER BY position`, [id]);
    const questions = await em.query(
      `SELECT q.id, q.topic_id, q.position, q.text FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = $1 ORDER BY q.position`,
      [id],
    );
    const recipients = (await em.query(`SELECT o.id, o.name, o.kind, o.country_code FROM consultation_recipient r JOIN organisation o ON o.id = r.organisation_id WHERE r.consultation_id = $1 ORDER BY o.country_code, o.name`, [id])).map(organisationDto);
    // Sent replies for the Commission and, once published, for everyone; a recipient's own replies (drafts too) for its members.
    const replies = await this.replies(em, id, access === 'commission' || published, access === 'recipient' ? (viewer as Viewer).organisationId : null);
    const seesSummary = access === 'commission' || published;
    const summaries = seesSummary
      ? await em.query(
          `SELECT s.question_id, s.text, s.updated_at,
                  coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'country_code', o.country_code) ORDER BY o.country_code, o.name)
                              FROM consultation_summary_citation c JOIN organisation o ON o.id = c.organisation_id WHERE c.question_id = s.question_id), '[]') AS cited
             FROM consultation_summary s JOIN consultation_question q ON q.id = s.question_id JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = $1`,
          [id],
        )
      : [];
    const summaryOf = new Map<string, Row>(summaries.map((s: Row) => [s.question_id, s]));
    const now = new Date(facts.now);
    return {
      ...this.item({ ...row, recipient_count: facts.recipientCount, question_count: facts.questionCount }),
      introduction: row.introduction,
      version: row.version,
      recipients,
      topics: topics.map((t: Row) => ({
        id: t.id,
        position: t.position,
        title: t.title,
        questions: questions
          .filter((q: Row) => q.topic_id === t.id)
          .map((q: Row) => {
            const s = summaryOf.get(q.id);
            return {
              id: q.id,
              position: q.position,
              text: q.text,
              replies: replies.filter((r) => r.questionId === q.id),
              summary: s ? { text: s.text, cited: s.cited.map(organisationDto), updatedAt: iso(s.updated_at) as string } : null,
            };
          }),
      })),
      isRecipient: row.is_recipient,
      acceptingReplies: acceptsReplies(row.state, row.deadline ? new Date(row.deadline) : null, now),
      availableEvents: viewer ? availableConsultationEvents(restore(row).value, { roles: viewer.roles }, facts) : [],
    };
  }

  private async replies(em: EntityManager, consultationId: string, allSent: boolean, ownOrganisation: string | null): Promise<ConsultationReplyDto[]> {
    if (!allSent && !ownOrganisation) return [];
    const rows = await em.query(
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
    return rows.map((r: Row) => ({
      id: r.id,
      questionId: r.question_id,
      organisation: organisationDto({ id: r.organisation_id, name: r.name, kind: r.kind, country_code: r.country_code }),
      text: r.text,
      status: r.status,
      sentAt: iso(r.sent_at),
      author: r.display_name,
      updatedAt: iso(r.updated_at) as string,
      files: r.files.map(storedFileDto),
    }));
  }

  /**
   * Locks the consultation and checks that this caller's organisation may answer this question now:
   * a member (ministry or civil society) of a recipient organisation, while open and before the deadline.
   */
  private async replyScope(em: EntityManager, viewer: Viewer, id: string, questionId: string): Promise<void> {
    const { row, access } = await loadConsultation(em, id, viewer, true);
    if (access !== 'recipient') throw refuse.forbidden('consultation.reply-only-recipient');
    const [question] = await em.query(`SELECT 1 FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE q.id = $1 AND t.consultation_id = $2`, [questionId, id]);
    if (!question) throw refuse.notFound('consultation.question-not-found', { id: questionId });
    const [{ now }] = await em.query(`SELECT now() AS now`);
    if (!acceptsReplies(row.state, row.deadline ? new Date(row.deadline) : null, new Date(now))) {
      throw row.state === 'open' ? refuse.conflict('consultation.deadline-passed') : refuse.conflict('consultation.replies-not-accepted', { state: row.state });
    }
  }

  /** Saves the caller's organisation's reply to a question as a draft, or sends it (final). */
  async saveReply(viewer: Viewer, id: string, questionId: string, request: ConsultationReplyRequest, ip: string): Promise<ConsultationReplyDto> {
    const replyId = await this.dataSource.transaction(async (em) => {
      await this.replyScope(em, viewer, id, questionId);
      const [existing] = await em.query(`SELECT id, status FROM consultation_reply WHERE question_id = $1 AND organisation_id = $2`, [questionId, viewer.organisationId]);
      if (existing?.status === 'sent') throw refuse.conflict('consultation.reply-sent-already');
      if (request.send && !request.text.trim()) throw refuse.unprocessable('consultation.reply-empty');
      const [saved] = await em.query(
        `INSERT INTO consultation_reply (question_id, organisation_id, text, status, sent_at, author_id) VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'sent' THEN now() END, $5)
         ON CONFLICT (question_id, organisation_id) DO UPDATE SET text = EXCLUDED.text, status = EXCLUDED.status, sent_at = EXCLUDED.sent_at, author_id = EXCLUDED.author_id, updated_at = now()
         RETURNING id`,
        [questionId, viewer.organisationId, request.text, request.send ? 'sent' : 'draft', viewer.userId],
      );
      await this.audit.record(em, actorOfViewer(viewer, ip), {
        action: request.send ? 'consultation.reply_sent' : 'consultation.reply_saved',
        entityType: 'consultation',
        entityId: id,
        data: { questionId, replyId: saved.id, organisationId: viewer.organisationId },
      });
      return saved.id as string;
    });
    const [reply] = (await this.replies(this.dataSource.manager, id, false, viewer.organisationId)).filter((r) => r.id === replyId);
    return reply;
  }

  /** Attaches a document to the caller's organisation's (unsent) reply, creating the draft when there is none. */
  async attachFile(viewer: Viewer, id: string, questionId: string, file: MultipartFile | undefined, ip: string): Promise<StoredFileDto> {
    // Refuse before receiving bytes when the caller may not reply at all.
    await this.dataSource.transaction((em) => this.replyScope(em, viewer, id, questionId));
    const received = await this.files.receive(file, DOCUMENT_KINDS);
    return this.files.keepIf(received, () =>
      this.dataSource.transaction(async (em) => {
        await this.replyScope(em, viewer, id, questionId);
        const [reply] = await em.query(
          `INSERT INTO consultation_reply (question_id, organisation_id, author_id) VALUES ($1, $2, $3)
           ON CONFLICT (question_id, organisation_id) DO UPDATE SET updated_at = now() RETURNING id, status`,
          [questionId, viewer.organisationId, viewer.userId],
        );
        if (reply.status === 'sent') throw refuse.conflict('consultation.reply-sent-already');
        const stored = await this.files.record(em, received, viewer.userId);
        await em.query(`INSERT INTO consultation_reply_file (reply_id, stored_file_id) VALUES ($1, $2)`, [reply.id, stored.id]);
        await this.audit.record(em, actorOfViewer(viewer, ip), {
          action: 'consultation.reply_file_attached',
          entityType: 'consultation',
          entityId: id,
          data: { questionId, replyId: reply.id, fileId: stored.id, fileName: stored.fileName, sha256: stored.sha256 },
        });
        return stored;
      }),
    );
  }

  /** Sends a reply's attachment to a caller who may see that reply. */
  async sendFile(viewer: Viewer | null, id: string, fileId: string, reply: FastifyReply): Promise<void> {
    const em = this.dataSource.manager;
    const { row, access } = await loadConsultation(em, id, viewer, false);
    const [owner] = await em.query(
      `SELECT p.organisation_id, p.status FROM consultation_reply_file rf JOIN consultation_reply p ON p.id = rf.reply_id
         JOIN consultation_question q ON q.id = p.question_id JOIN consultation_topic t ON t.id = q.topic_id
        WHERE rf.stored_file_id = $1 AND t.consultation_id = $2`,
      [fileId, id],
    );
    const ownReply = access === 'recipient' && owner?.organisation_id === viewer?.organisationId;
    const sentAndVisible = owner?.status === 'sent' && (access === 'commission' || row.state === 'published');
    if (!owner || !(ownReply || sentAndVisible)) throw refuse.notFound('consultation.file-not-found', { id: fileId });
    await this.files.send(reply, fileId);
  }

  /** Writes the Commission's summary of one question's replies, citing the recipients it draws on (closed or summarised). */
  async saveSummary(viewer: Viewer, id: string, questionId: string, request: ConsultationSummaryRequest, ip: string): Promise<ConsultationDto> {
    await this.dataSource.transaction(async (em) => {
      const { row } = await loadConsultation(em, id, viewer, true);
      if (row.state !== 'closed' && row.state !== 'summarised') throw refuse.conflict('consultation.summary-not-yet', { state: row.state });
      const [question] = await em.query(`SELECT 1 FROM consultation_question q JOIN consultation_topic t ON t.id = q.topic_id WHERE q.id = $1 AND t.consultation_id = $2`, [questionId, id]);
      if (!question) throw refuse.notFound('consultation.question-not-found', { id: questionId });
      const cited = [...new Set(request.citedOrganisationIds)];
      const recipients = await em.query(`SELECT organisation_id FROM consultation_recipient WHERE consultation_id = $1 AND organisation_id = ANY($2)`, [id, cited]);
      if (recipients.length !== cited.length) throw refuse.unprocessable('consultation.summary-cites-non-recipient');
      await em.query(
        `INSERT INTO consultation_summary (question_id, text, author_id) VALUES ($1, $2, $3)
         ON CONFLICT (question_id) DO UPDATE SET text = EXCLUDED.text, author_id = EXCLUDED.author_id, updated_at = now()`,
        [questionId, request.text.trim(), viewer.userId],
      );
      // A summary changes what PUBLISH publishes: the version moves, so a PUBLISH on what was seen before is a 409.
      await em.query(`UPDATE consultation SET version = version + 1 WHERE id = $1`, [id]);
      await em.query(`DELETE FROM consultation_summary_citation WHERE question_id = $1`, [questionId]);
      if (cited.length) await em.query(`INSERT INTO consultation_summary_citation (question_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [questionId, cited]);
      await this.audit.record(em, actorOfViewer(viewer, ip), { action: 'consultation.summary_saved', entityType: 'consultation', entityId: id, data: { questionId, cited, text: request.text.trim() } });
    });
    return this.get(viewer, id);
  }

  /**
   * The consultation's audit events (commission), oldest first — but a recipient's drafting (a reply
   * saved or a document attached before it is sent) only once that reply is sent: drafts are the
   * recipient's own, and their files' names, hashes and ids are not the Commission's to see.
   */
  async history(viewer: Viewer, id: string): Promise<{ at: string; actor: string | null; action: string; data: unknown }[]> {
    await loadConsultation(this.dataSource.manager, id, viewer, false);
    const rows = await this.dataSource.query(
      `SELECT e.occurred_at, e.action, e.data, coalesce(u.display_name, e.actor_label) AS actor FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
        WHERE e.entity_type = 'consultation' AND e.entity_id = $1
          AND (e.action NOT IN ('consultation.reply_saved', 'consultation.reply_file_attached')
               OR EXISTS (SELECT 1 FROM consultation_reply r WHERE r.id::text = e.data->>'replyId' AND r.status = 'sent'))
        ORDER BY e.id`,
      [id],
    );
    return rows.map((r: Row) => ({ at: iso(r.occurred_at) as string, actor: r.actor, action: r.action, data: r.data }));
  }
}

/**
 * Brings the draft's topics and questions in line with the builder's: those sent with their id are
 * kept and updated (so are recipients' draft replies to them — a draft has no sent reply, as
 * RETURN_TO_DRAFT requires none), new ones are added, the rest removed with their draft replies.
 * Answers the removed questions (id and text) for the audit trail.
 */
async function saveTopics(em: EntityManager, consultationId: string, topics: ConsultationTopicInput[]): Promise<{ id: string; text: string }[]> {
  const existing: { topic_id: string; question_id: string | null; text: string | null }[] = await em.query(
    `SELECT t.id AS topic_id, q.id AS question_id, q.text FROM consultation_topic t LEFT JOIN consultation_question q ON q.topic_id = t.id WHERE t.consultation_id = $1`,
    [consultationId],
  );
  const topicIds = new Set(existing.map((r) => r.topic_id));
  const questionIds = new Set(existing.flatMap((r) => (r.question_id ? [r.question_id] : [])));
  const keptTopics = topics.flatMap((t) => (t.id ? [t.id] : []));
  const keptQuestions = topics.flatMap((t) => t.questions.flatMap((q) => (q.id ? [q.id] : [])));
  const foreign = [...keptTopics.filter((t) => !topicIds.has(t)), ...keptQuestions.filter((q) => !questionIds.has(q))];
  if (foreign.length) throw refuse.unprocessable('consultation.foreign-topics', { ids: foreign.join(', ') });
  if (new Set(keptTopics).size !== keptTopics.length || new Set(keptQuestions).size !== keptQuestions.length) {
    throw refuse.unprocessable('consultation.topic-twice');
  }
  const removed = existing.filter((r) => r.question_id && !keptQuestions.includes(r.question_id)).map((r) => ({ id: r.question_id as string, text: r.text as string }));
  if (removed.length) await em.query(`DELETE FROM consultation_question WHERE id = ANY($1)`, [removed.map((r) => r.id)]);
  const shown: string[] = [];
  for (const [t, topic] of topics.entries()) {
    let topicId = topic.id;
    if (topicId) await em.query(`UPDATE consultation_topic SET position = $2, title = $3 WHERE id = $1`, [topicId, t + 1, topic.title.trim()]);
    else [{ id: topicId }] = await em.query(`INSERT INTO consultation_topic (consultation_id, position, title) VALUES ($1, $2, $3) RETURNING id`, [consultationId, t + 1, topic.title.trim()]);
    shown.push(topicId as string);
    for (const [q, question] of topic.questions.entries()) {
      if (question.id) await em.query(`UPDATE consultation_question SET topic_id = $2, position = $3, text = $4 WHERE id = $1`, [question.id, topicId, q + 1, question.text.trim()]);
      else await em.query(`INSERT INTO consultation_question (topic_id, position, text) VALUES ($1, $2, $3)`, [topicId, q + 1, question.text.trim()]);
    }
  }
  // Only now, when kept questions have moved out of them: the topics no longer shown.
  await em.query(`DELETE FROM consultation_topic WHERE consultation_id = $1 AND NOT (id = ANY($2::uuid[]))`, [consultationId, shown]);
  return removed;
}
