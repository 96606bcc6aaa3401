import { hasRole, type Viewer } from '@bt/api/identity';
import type { ConsultationState } from '@bt/workflow';

/**
 * How a caller sees a written consultation: the Commission runs it and sees everything (but the
 * recipients' unsent drafts); a recipient organisation's members see it once opened, with their own
 * replies; anyone sees a published one with its summaries and the sent replies (published with the
 * summary, as the Council note publishes them in annex). null: not visible at all (404).
 */
export type ConsultationAccess = 'commission' | 'recipient' | 'public';

export function consultationAccess(viewer: Viewer | null, state: ConsultationState, recipient: boolean): ConsultationAccess | null {
  if (hasRole(viewer, 'commission')) return 'commission';
  if (viewer && recipient && state !== 'draft' && hasRole(viewer, 'ministry', 'civil_society')) return 'recipient';
  return state === 'published' ? 'public' : null;
}

/** A recipient may answer while the consultation is open and its deadline not passed. */
export function acceptsReplies(state: ConsultationState, deadline: Date | null, now: Date): boolean {
  return state === 'open' && !!deadline && deadline.getTime() > now.getTime();
}
