import type { EntityManager } from 'typeorm';
import type { InboxSubject, ProposalDecision } from '@bt/contracts';
import { mayAnswer, seesDialogue } from '@bt/api/dialogue';
import { consultationAccess } from '@bt/api/consultations';
import { hasRole, type Viewer } from '@bt/api/identity';
import { missionAccess } from '@bt/api/missions';
import type { BenchmarkScope } from '@bt/api/catalogue';

/** An audit event as the dispatcher reads it: the domain event of a change, written in its transaction. */
export interface DomainEvent {
  id: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actorId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** What a hand-over tells: its kind and facts (worded in the reader's language), the English title, where to go. */
export type Told = InboxSubject & {
  title: string;
  detail?: string | null;
  link: string;
  /** false: a domain's inbox source already shows it (proposals awaiting an answer, answers); told by e-mail only. */
  inInbox?: boolean;
};

/** What an event tells, and to whom: a predicate over each active user, made of the domain's own visibility rules. */
export interface Telling {
  told: Told;
  to: (viewer: Viewer) => boolean;
}

/** One rule per audit action that hands work over (or that people want to know of). */
export type NotificationRule = (em: EntityManager, event: DomainEvent) => Promise<Telling | null>;

const EXCERPT_LENGTH = 200;
const excerpt = (text: string | null | undefined) => (!text ? null : text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text);

/** A uuid as PostgreSQL writes one (lower case): the only texts `id::text` can equal. */
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function benchmarkOf(em: EntityManager, id: string | null): Promise<BenchmarkScope | null> {
  // By the primary key: `b.id::text = $1` read every benchmark for each event told (a sequential scan).
  if (!id || !UUID_TEXT.test(id)) return null;
  const [row] = await em.query(`SELECT b.id, b.code, a.country_code, b.state, b.version FROM benchmark b JOIN area a ON a.id = b.area_id WHERE b.id = $1`, [
    id,
  ]);
  return row ? { id: row.id, code: row.code, countryCode: row.country_code.trim(), state: row.state, version: row.version } : null;
}

interface MissionFacts {
  id: string;
  name: string;
  countryCode: string;
  experts: string[];
  reportShared: boolean;
}

async function missionOf(em: EntityManager, id: string | null | undefined): Promise<MissionFacts | null> {
  if (!id) return null;
  const [row] = await em.query(
    `SELECT m.id, m.title, m.country_code, m.report_shared_at IS NOT NULL AS shared,
            (SELECT coalesce(array_agg(x.user_id::text), '{}') FROM mission_expert x WHERE x.mission_id = m.id) AS experts,
            (SELECT string_agg(b.code, ', ' ORDER BY b.code) FROM mission_benchmark mb JOIN benchmark b ON b.id = mb.benchmark_id WHERE mb.mission_id = m.id) AS codes
       FROM mission m WHERE m.id::text = $1`,
    [id],
  );
  return row ? { id: row.id, name: row.title || row.codes || '', countryCode: row.country_code.trim(), experts: row.experts, reportShared: row.shared } : null;
}

/** How a user sees a mission, by the missions domain's rule. */
const accessTo = (mission: MissionFacts, viewer: Viewer) =>
  missionAccess(viewer, { countryCode: mission.countryCode, assigned: mission.experts.includes(viewer.userId) });

const ministryOf = (countryCode: string) => (v: Viewer) => hasRole(v, 'ministry') && v.countryCode === countryCode;

function benchmarkStep(kind: 'benchmark.submitted' | 'benchmark.changes_requested' | 'benchmark.accepted' | 'benchmark.reopened'): NotificationRule {
  return async (em, event) => {
    const scope = await benchmarkOf(em, event.entityId);
    if (!scope) return null;
    const link = `/benchmarks/${scope.code}`;
    const by = event.actorName ?? '';
    switch (kind) {
      case 'benchmark.submitted':
        // The Commission reviews every country's submissions.
        return {
          told: { kind, facts: { benchmark: scope.code, by }, title: `${scope.code}: submitted by ${by} for your review`, link },
          to: (v) => hasRole(v, 'commission'),
        };
      case 'benchmark.changes_requested':
        return {
          told: {
            kind,
            facts: { benchmark: scope.code, by },
            title: `${scope.code}: ${by} requested changes`,
            detail: excerpt(event.data['comment'] as string | undefined),
            link,
          },
          to: ministryOf(scope.countryCode),
        };
      case 'benchmark.accepted':
      case 'benchmark.reopened': {
        const title = kind === 'benchmark.accepted' ? `${scope.code}: accepted by the Commission` : `${scope.code}: reopened by the Commission`;
        return {
          told: { kind, facts: { benchmark: scope.code }, title, link },
          to: (v) => hasRole(v, 'ministry', 'civil_society') && v.countryCode === scope.countryCode,
        };
      }
    }
  };
}

/** A mission planned or corrected: its experts and the host ministry (who see the mission), not the Commission that did it. */
function missionPlanned(kind: 'mission.planned' | 'mission.corrected', missionIdOf: (event: DomainEvent) => string | null | undefined): NotificationRule {
  return async (em, event) => {
    const mission = await missionOf(em, missionIdOf(event));
    if (!mission) return null;
    const title = kind === 'mission.planned' ? `Peer-review mission planned: ${mission.name}` : `Peer-review mission changed: ${mission.name}`;
    return {
      told: { kind, facts: { mission: mission.name }, title, link: `/missions/${mission.id}` },
      to: (v) => ['expert', 'host'].includes(accessTo(mission, v) ?? ''),
    };
  };
}

const reportSubmitted: NotificationRule = async (em, event) => {
  // The mission's own event (the workflow's missions also write one on the benchmark, for its history).
  if (event.entityType !== 'mission') return null;
  const mission = await missionOf(em, event.entityId);
  if (!mission) return null;
  return {
    told: {
      kind: 'mission.report_submitted',
      facts: { mission: mission.name },
      title: `Mission report submitted: ${mission.name}`,
      link: `/missions/${mission.id}`,
    },
    to: (v) => accessTo(mission, v) === 'commission',
  };
};

const reportShared: NotificationRule = async (em, event) => {
  const mission = await missionOf(em, event.entityId);
  // The host sees the report only once shared: the rule reads it as it is now.
  if (!mission?.reportShared) return null;
  return {
    told: {
      kind: 'mission.report_shared',
      facts: { mission: mission.name },
      title: `Mission report shared with you: ${mission.name}`,
      link: `/missions/${mission.id}`,
    },
    to: (v) => accessTo(mission, v) === 'host',
  };
};

/** A proposal (not a comment or a reply) posted: the country's ministry answers it. */
const proposalPosted: NotificationRule = async (em, event) => {
  if (event.data['parentId']) return null;
  const scope = await benchmarkOf(em, event.entityId);
  const [proposal] = await em.query(
    `SELECT p.text, p.hidden_at, o.name AS organisation FROM proposal p JOIN app_user u ON u.id = p.author_id JOIN organisation o ON o.id = u.organisation_id WHERE p.id::text = $1`,
    [String(event.data['proposalId'] ?? '')],
  );
  if (!scope || !proposal || proposal.hidden_at) return null;
  return {
    told: {
      kind: 'proposal.posted',
      facts: { benchmark: scope.code, organisation: proposal.organisation },
      title: `${scope.code}: a proposal from ${proposal.organisation} awaits your answer`,
      detail: excerpt(proposal.text),
      link: `/benchmarks/${scope.code}?tab=dialogue`,
      inInbox: false,
    },
    to: (v) => mayAnswer(v, scope),
  };
};

/** An answer given: the members of the proposal's organisation (who see the dialogue). */
const proposalAnswered: NotificationRule = async (em, event) => {
  const scope = await benchmarkOf(em, event.entityId);
  const [proposal] = await em.query(
    `SELECT p.text, p.hidden_at, u.organisation_id,
            EXISTS (SELECT 1 FROM proposal_response r WHERE r.proposal_id = p.id AND r.created_at < (SELECT created_at FROM proposal_response WHERE id::text = $2)) AS revised
       FROM proposal p JOIN app_user u ON u.id = p.author_id WHERE p.id::text = $1`,
    [String(event.data['proposalId'] ?? ''), String(event.data['responseId'] ?? '')],
  );
  if (!scope || !proposal || proposal.hidden_at) return null;
  const decision = event.data['decision'] as ProposalDecision;
  return {
    told: {
      kind: 'proposal.answered',
      facts: { benchmark: scope.code, decision, revised: proposal.revised },
      title: `${scope.code}: the ministry ${proposal.revised ? 'revised its answer' : 'answered'} — ${String(decision).replace('_', ' ')}`,
      detail: excerpt(proposal.text),
      link: `/benchmarks/${scope.code}?tab=dialogue`,
      inInbox: false,
    },
    to: (v) => v.organisationId === proposal.organisation_id && seesDialogue(v, scope, false),
  };
};

/** A consultation opened, reopened or published: the recipient organisations' members; published, also whoever sent a reply. */
function consultationStep(kind: 'consultation.opened' | 'consultation.reopened' | 'consultation.published'): NotificationRule {
  return async (em, event) => {
    const [row] = await em.query(
      `SELECT c.id, c.title, c.state,
              (SELECT coalesce(array_agg(r.organisation_id::text), '{}') FROM consultation_recipient r WHERE r.consultation_id = c.id) AS recipients,
              (SELECT coalesce(array_agg(DISTINCT p.author_id::text), '{}') FROM consultation_reply p JOIN consultation_question q ON q.id = p.question_id
                 JOIN consultation_topic t ON t.id = q.topic_id WHERE t.consultation_id = c.id AND p.status = 'sent') AS repliers
         FROM consultation c WHERE c.id::text = $1`,
      [event.entityId],
    );
    if (!row) return null;
    const recipients = new Set<string>(row.recipients);
    const repliers = new Set<string>(kind === 'consultation.published' ? row.repliers : []);
    const words = {
      'consultation.opened': 'Written consultation open for your replies',
      'consultation.reopened': 'Written consultation reopened',
      'consultation.published': 'Written consultation published',
    }[kind];
    return {
      told: { kind, facts: { consultation: row.title }, title: `${words}: ${row.title}`, link: `/consultations/${row.id}` },
      to: (v) => (recipients.has(v.organisationId) || repliers.has(v.userId)) && consultationAccess(v, row.state, recipients.has(v.organisationId)) !== null,
    };
  };
}

/** The hand-overs told, by the audit action of the change. */
export const NOTIFICATION_RULES: ReadonlyMap<string, NotificationRule> = new Map<string, NotificationRule>([
  ['benchmark.SUBMIT', benchmarkStep('benchmark.submitted')],
  ['benchmark.REQUEST_CHANGES', benchmarkStep('benchmark.changes_requested')],
  ['benchmark.ACCEPT', benchmarkStep('benchmark.accepted')],
  ['benchmark.REOPEN', benchmarkStep('benchmark.reopened')],
  ['benchmark.START_PEER_REVIEW', missionPlanned('mission.planned', (e) => e.data['missionId'] as string | undefined)],
  ['mission.created', missionPlanned('mission.planned', (e) => e.entityId)],
  ['mission.updated', missionPlanned('mission.corrected', (e) => e.entityId)],
  ['mission.report_uploaded', reportSubmitted],
  ['mission.report_shared', reportShared],
  ['proposal.created', proposalPosted],
  ['proposal.answered', proposalAnswered],
  ['consultation.OPEN', consultationStep('consultation.opened')],
  ['consultation.REOPEN', consultationStep('consultation.reopened')],
  ['consultation.PUBLISH', consultationStep('consultation.published')],
]);
