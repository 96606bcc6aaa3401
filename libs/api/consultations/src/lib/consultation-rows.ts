import type { EntityManager } from 'typeorm';
import { refuse } from '@bt/api/core';
import type { Viewer } from '@bt/api/identity';
import type { ConsultationOrganisationDto } from '@bt/contracts';
import { type ConsultationFacts, consultationMachine, type ConsultationState } from '@bt/workflow';
import { type ConsultationAccess, consultationAccess } from './consultation-access';

/** A consultation as it is stored (`c.*`). */
export interface ConsultationRow {
  id: string;
  title: string;
  reference: string;
  introduction: string;
  deadline: Date | null;
  state: ConsultationState;
  snapshot: { value: unknown } | null;
  machine_version: number;
  version: number;
  published_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** The consultation as `loadConsultation` reads it: with what its guards count, and whether the caller's organisation is a recipient. */
export interface LoadedConsultationRow extends ConsultationRow {
  is_recipient: boolean;
  question_count: number;
  empty_topic_count: number;
  recipient_count: number;
  unsummarised_count: number;
  sent_reply_count: number;
  now: Date;
}

/** An organisation as consultations name it (`organisationDto`). */
export interface OrganisationRow {
  id: string;
  name: string;
  kind: ConsultationOrganisationDto['kind'];
  country_code: string | null;
}

/** A timestamp (a Date, or ISO text inside JSON) as the answer's ISO text. */
export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The consultation with everything its guards read, in one query; `lock` takes the row lock of a change. */
export async function loadConsultation(
  em: EntityManager,
  id: string,
  viewer: Viewer | null,
  lock: boolean,
): Promise<{ row: LoadedConsultationRow; facts: ConsultationFacts; access: ConsultationAccess }> {
  const [row] = await em.query<LoadedConsultationRow[]>(
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
    now: row.now.toISOString(),
  };
  return { row, facts, access };
}

export function restore(row: { state: ConsultationState; snapshot?: ConsultationRow['snapshot'] }) {
  return consultationMachine.resolveState({ value: (row.snapshot?.value ?? row.state) as ConsultationState, context: {} });
}

export function organisationDto(r: OrganisationRow): ConsultationOrganisationDto {
  return { id: r.id, name: r.name, kind: r.kind, countryCode: (r.country_code ?? '').trim() };
}
