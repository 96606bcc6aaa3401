import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@bt/api/audit';
import { refuse } from '@bt/api/core';
import { NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind, type NotificationPreferenceDto, type Role } from '@bt/contracts';
import { type Actor, auditActor, type Viewer } from '@bt/api/identity';

/** What a civil-society organisation's member is told at once: answers to its proposals and its consultations. */
const CSO_IMMEDIATE: ReadonlySet<NotificationKind> = new Set([
  'proposal.answered',
  'consultation.opened',
  'consultation.reopened',
  'consultation.published',
  'consultation.deadline',
]);

/**
 * The default when a person has chosen nothing for a kind (README, Notifications). The Commission,
 * ministries and experts are e-mailed at once for every hand-over, since each asks them to act,
 * except an acceptance, which only informs (digest). A CSO member only when the ministry answered
 * their organisation's proposal or a consultation asks for its replies or is published; the rest
 * (a benchmark accepted or reopened) in the digest. Anyone with a role beyond civil society takes
 * that role's default.
 */
export function defaultDelivery(roles: Iterable<Role>, kind: NotificationKind): NotificationDelivery {
  const all = new Set(roles);
  const onlyCivilSociety = all.has('civil_society') && ![...all].some((r) => r !== 'civil_society');
  if (onlyCivilSociety) return CSO_IMMEDIATE.has(kind) ? 'immediate' : 'digest';
  return kind === 'benchmark.accepted' ? 'digest' : 'immediate';
}

const isKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** Each person's choice per kind of notification, or their roles' default. */
@Injectable()
export class NotificationPreferences {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every kind, as it reaches this person now. */
  async of(viewer: Viewer, em: EntityManager = this.dataSource.manager): Promise<NotificationPreferenceDto[]> {
    const rows: { kind: string; delivery: NotificationDelivery }[] = await em.query(`SELECT kind, delivery FROM notification_preference WHERE user_id = $1`, [
      viewer.userId,
    ]);
    const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
    return NOTIFICATION_KINDS.map((kind) => {
      const delivery = chosen.get(kind);
      return delivery ? { kind, delivery, chosen: true } : { kind, delivery: defaultDelivery(viewer.roles, kind), chosen: false };
    });
  }

  /** Sets the kinds given (each once), the others as they were; audited like any change to an account. */
  async choose(viewer: Actor, choices: { kind: NotificationKind; delivery: NotificationDelivery }[]): Promise<NotificationPreferenceDto[]> {
    const kinds = choices.map((c) => c.kind);
    const repeated = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
    if (repeated) throw refuse.badRequest('notification.preference-kind-repeated', { kind: repeated });
    return this.dataSource.transaction(async (em) => {
      const before = new Map((await this.of(viewer, em)).map((p) => [p.kind, p.delivery]));
      await this.set(em, viewer.userId, choices);
      const changed = choices.filter((c) => before.get(c.kind) !== c.delivery);
      if (changed.length) {
        await this.audit.record(em, auditActor(viewer), {
          action: 'user.notification_preferences_chosen',
          entityType: 'user',
          entityId: viewer.userId,
          data: { changes: changed.map((c) => ({ kind: c.kind, from: before.get(c.kind), to: c.delivery })) },
        });
      }
      return this.of(viewer, em);
    });
  }

  /** Writes choices in the caller's transaction. */
  async set(em: EntityManager, userId: string, choices: { kind: NotificationKind; delivery: NotificationDelivery }[]): Promise<void> {
    if (!choices.length) return;
    await em.query(
      `INSERT INTO notification_preference (user_id, kind, delivery, updated_at)
       SELECT $1, k, d, now() FROM unnest($2::text[], $3::text[]) AS c(k, d)
       ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery, updated_at = excluded.updated_at`,
      [userId, choices.map((c) => c.kind), choices.map((c) => c.delivery)],
    );
  }

  /** How each of these notifications is to be delivered: its person's choice for its kind, or their roles' default. */
  async deliveries(em: EntityManager, notificationIds: string[]): Promise<Map<string, NotificationDelivery>> {
    const rows: { id: string; kind: string; delivery: NotificationDelivery | null; roles: Role[] }[] = await em.query(
      `SELECT n.id::text, n.kind, p.delivery,
              (SELECT coalesce(array_agg(r.role), '{}') FROM role_assignment r WHERE r.user_id = n.user_id) AS roles
         FROM notification n LEFT JOIN notification_preference p ON p.user_id = n.user_id AND p.kind = n.kind
        WHERE n.id = ANY($1::bigint[])`,
      [notificationIds],
    );
    // A kind not among the choices (none today) is e-mailed at once, as before preferences.
    return new Map(rows.map((r) => [r.id, r.delivery ?? (isKind(r.kind) ? defaultDelivery(r.roles, r.kind) : 'immediate')]));
  }
}
