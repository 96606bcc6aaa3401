import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One thing that happened: who, when, from where, what, on which object, with before/after.
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained: `hash` covers
 * this event and the previous event's hash, so a changed row breaks the chain from there on.
 */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  /** The actor's e-mail at the time, kept even if the account is renamed. */
  @Column({ name: 'actor_label', type: 'text', nullable: true })
  actorLabel!: string | null;

  @Column({ name: 'actor_ip', type: 'text', nullable: true })
  actorIp!: string | null;

  /** e.g. `auth.sign_in`, `user.disabled`, `benchmark.SUBMIT`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb', default: {} })
  data!: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
