import { createHash } from 'node:crypto';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string | null;
  actorIp: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
}

/** SHA-256 over the previous hash and this event's fields, in a canonical JSON form. */
export function chainHash(prevHash: string, event: ChainedFields): string {
  return createHash('sha256')
    .update(`${prevHash}\n${chainContent(event)}`)
    .digest('hex');
}

/** The text of an event that its hash covers (the database's audit_append() hashes the same text). */
export function chainContent(event: ChainedFields): string {
  return canonicalJson({
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    actorIp: event.actorIp,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    data: event.data,
  });
}

/** JSON with object keys sorted, so the same content always gives the same text (as jsonb stores it). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
