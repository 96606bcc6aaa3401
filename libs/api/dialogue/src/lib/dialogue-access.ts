import type { BenchmarkScope } from '@bt/api/catalogue';
import { hasRole, type Viewer } from '@bt/api/identity';

/** Whoever takes part in the work on a benchmark: its country's ministry and CSOs, the Commission and the mission's experts. */
export function takesPart(viewer: Viewer | null, scope: BenchmarkScope, missionExpert: boolean): boolean {
  if (!viewer) return false;
  const ownCountry = viewer.countryCode === scope.countryCode;
  return hasRole(viewer, 'commission') || (ownCountry && hasRole(viewer, 'ministry', 'civil_society')) || (hasRole(viewer, 'expert') && missionExpert);
}

/** The dialogue is seen by those who take part, and by admins, who moderate it. */
export function seesDialogue(viewer: Viewer | null, scope: BenchmarkScope, missionExpert: boolean): boolean {
  return takesPart(viewer, scope, missionExpert) || hasRole(viewer, 'admin');
}

/** Proposals and new comments come from the country's CSOs (and the Commission), while the benchmark is open for input. */
export function mayPropose(viewer: Viewer, scope: BenchmarkScope): boolean {
  return hasRole(viewer, 'commission') || (hasRole(viewer, 'civil_society') && viewer.countryCode === scope.countryCode);
}

/** A reply in a thread may also come from the country's ministry, as discussion (its decision is the answer). */
export function mayReply(viewer: Viewer, scope: BenchmarkScope): boolean {
  return mayPropose(viewer, scope) || (hasRole(viewer, 'ministry') && viewer.countryCode === scope.countryCode);
}

/** The ministry of the benchmark's country answers proposals. */
export function mayAnswer(viewer: Viewer, scope: BenchmarkScope): boolean {
  return hasRole(viewer, 'ministry') && viewer.countryCode === scope.countryCode;
}

export const OPEN_FOR_INPUT = ['draft', 'submitted', 'peerReview'];

/**
 * A proposal that counts, over the proposal alias `p`: a proposal (not a comment or reply) nobody
 * hid. What the consideration figures count, and what `unansweredProposalSql` narrows.
 */
export function countedProposalSql(p = 'p'): string {
  return `${p}.kind = 'proposal' AND ${p}.parent_id IS NULL AND ${p}.hidden_at IS NULL`;
}

/**
 * A proposal that counts (`countedProposalSql`) and the ministry has not answered yet, over the
 * proposal alias `p`: the one rule the inbox, the ministry's tasks and the SUBMIT / ACCEPT guard
 * share (`first_answered_at` is kept by a trigger on the answers; proposal_unanswered_idx has it).
 */
export function unansweredProposalSql(p = 'p'): string {
  return `${countedProposalSql(p)} AND ${p}.first_answered_at IS NULL`;
}
