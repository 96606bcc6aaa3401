import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { transition } from 'xstate';
import { AuditService } from '@bt/api/audit';
import { Refusal, refuse, unmetCondition } from '@bt/api/core';
import { type Actor, auditActor } from '@bt/api/identity';
import type {
  ConsultationDto,
  ConsultationTopicInput,
  ConsultationTransitionRequest,
  ConsultationTransitionResultDto,
  CreateConsultationRequest,
  UpdateConsultationRequest,
} from '@bt/contracts';
import {
  CONSULTATION_MACHINE_VERSION,
  type ConsultationEvent,
  consultationMachine,
  type ConsultationState,
  explainConsultationEvent,
  mayFireConsultation,
} from '@bt/workflow';
import { loadConsultation, restore } from './consultation-rows';
import { ConsultationsService } from './consultations.service';

/**
 * The Commission drafts a consultation — texts, topics, questions and recipients — and moves it
 * through the consultation machine of libs/workflow (open, close, summarise, publish, reopen): each
 * change one transaction with its audit event, like benchmark transitions.
 */
@Injectable()
export class ConsultationDraftingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly consultations: ConsultationsService,
  ) {}

  async create(actor: Actor, request: CreateConsultationRequest): Promise<ConsultationDto> {
    const id = await this.dataSource.transaction(async (em) => {
      const [row] = await em.query(
        `INSERT INTO consultation (title, reference, introduction, deadline, state, snapshot, machine_version, created_by) VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7) RETURNING id`,
        [
          request.title.trim(),
          request.reference?.trim() ?? '',
          request.introduction ?? '',
          request.deadline ?? null,
          JSON.stringify(consultationMachine.getPersistedSnapshot(restore({ state: 'draft' }))),
          CONSULTATION_MACHINE_VERSION,
          actor.userId,
        ],
      );
      await this.audit.record(em, auditActor(actor), {
        action: 'consultation.created',
        entityType: 'consultation',
        entityId: row.id,
        data: { title: request.title.trim() },
      });
      return row.id as string;
    });
    return this.consultations.get(actor, id);
  }

  /** Saves the draft's texts, topics, questions and recipients as the builder shows them (the whole draft). */
  async update(actor: Actor, id: string, request: UpdateConsultationRequest): Promise<ConsultationDto> {
    await this.dataSource.transaction(async (em) => {
      const { row } = await loadConsultation(em, id, actor, true);
      if (row.version !== request.version) throw refuse.conflict('consultation.changed-meanwhile', { current: row.version, sent: request.version });
      if (row.state !== 'draft') throw refuse.conflict('consultation.edit-only-draft');
      const recipients = [...new Set(request.recipientIds)];
      const found = await em.query(`SELECT id FROM organisation WHERE id = ANY($1) AND country_code IS NOT NULL`, [recipients]);
      if (found.length !== recipients.length) throw refuse.unprocessable('consultation.recipient-not-partner');
      await em.query(
        `UPDATE consultation SET title = $2, reference = $3, introduction = $4, deadline = $5, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, request.title.trim(), request.reference?.trim() ?? '', request.introduction ?? '', request.deadline ?? null],
      );
      const dropped = await saveTopics(em, id, request.topics);
      // An organisation taken off the recipients takes its unsent drafts with it (a draft consultation has no sent reply).
      const [, draftsRemoved] = await em.query(
        `DELETE FROM consultation_reply r USING consultation_question q JOIN consultation_topic t ON t.id = q.topic_id
          WHERE r.question_id = q.id AND t.consultation_id = $1 AND NOT (r.organisation_id = ANY($2::uuid[]))`,
        [id, recipients],
      );
      await em.query(`DELETE FROM consultation_recipient WHERE consultation_id = $1`, [id]);
      if (recipients.length)
        await em.query(`INSERT INTO consultation_recipient (consultation_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [id, recipients]);
      await this.audit.record(em, auditActor(actor), {
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
    return this.consultations.get(actor, id);
  }

  /** Fires a consultation event: version 409, not handled 409, role 403, guard 422 — then the machine's next state, written with its audit event. */
  async transition(actor: Actor, id: string, request: ConsultationTransitionRequest): Promise<ConsultationTransitionResultDto> {
    return this.dataSource.transaction(async (em) => {
      const { row, facts } = await loadConsultation(em, id, actor, true);
      if (row.version !== request.version) throw refuse.conflict('consultation.changed-meanwhile', { current: row.version, sent: request.version });
      const snapshot = restore(row);
      const event = { type: request.event, deadline: request.deadline, facts } as ConsultationEvent;
      const explanation = explainConsultationEvent(snapshot.value, event);
      if (!explanation.handled) throw refuse.conflict('consultation.not-possible-now', { event: request.event, state: String(snapshot.value) });
      const notYours = mayFireConsultation({ roles: actor.roles }, request.event);
      if (notYours) throw new Refusal(HttpStatus.FORBIDDEN, notYours);
      if (explanation.unmet) throw unmetCondition(request.event, explanation.unmet);
      const [next] = transition(consultationMachine, snapshot, event);
      const state = next.value as ConsultationState;
      await em.query(
        `UPDATE consultation SET state = $2, snapshot = $3, machine_version = $4, version = version + 1, updated_at = now(),
                deadline = coalesce($5::timestamptz, deadline), published_at = CASE WHEN $2 = 'published' THEN now() ELSE published_at END
          WHERE id = $1`,
        [
          id,
          state,
          JSON.stringify(consultationMachine.getPersistedSnapshot(next)),
          CONSULTATION_MACHINE_VERSION,
          request.event === 'REOPEN' ? request.deadline : null,
        ],
      );
      const data: Record<string, unknown> = { event: request.event, from: snapshot.value, to: state, version: row.version + 1 };
      if (request.event === 'REOPEN') data['deadline'] = request.deadline;
      await this.audit.record(em, auditActor(actor), { action: `consultation.${request.event}`, entityType: 'consultation', entityId: id, data });
      return { state, version: row.version + 1 };
    });
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
  const removed = existing
    .filter((r) => r.question_id && !keptQuestions.includes(r.question_id))
    .map((r) => ({ id: r.question_id as string, text: r.text as string }));
  if (removed.length) await em.query(`DELETE FROM consultation_question WHERE id = ANY($1)`, [removed.map((r) => r.id)]);
  const shown: string[] = [];
  for (const [t, topic] of topics.entries()) {
    let topicId = topic.id;
    if (topicId) await em.query(`UPDATE consultation_topic SET position = $2, title = $3 WHERE id = $1`, [topicId, t + 1, topic.title.trim()]);
    else
      [{ id: topicId }] = await em.query(`INSERT INTO consultation_topic (consultation_id, position, title) VALUES ($1, $2, $3) RETURNING id`, [
        consultationId,
        t + 1,
        topic.title.trim(),
      ]);
    shown.push(topicId as string);
    for (const [q, question] of topic.questions.entries()) {
      if (question.id)
        await em.query(`UPDATE consultation_question SET topic_id = $2, position = $3, text = $4 WHERE id = $1`, [
          question.id,
          topicId,
          q + 1,
          question.text.trim(),
        ]);
      else await em.query(`INSERT INTO consultation_question (topic_id, position, text) VALUES ($1, $2, $3)`, [topicId, q + 1, question.text.trim()]);
    }
  }
  // Only now, when kept questions have moved out of them: the topics no longer shown.
  await em.query(`DELETE FROM consultation_topic WHERE consultation_id = $1 AND NOT (id = ANY($2::uuid[]))`, [consultationId, shown]);
  return removed;
}
