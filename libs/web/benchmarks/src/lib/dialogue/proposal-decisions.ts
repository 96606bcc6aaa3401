import type { ProposalDecision } from '@bt/contracts';

/* A Record over the contract's decision type (a type import only), so a new decision needs its words here. */
const DECISION_LABELS: Record<ProposalDecision, string> = {
  accepted: $localize`:The ministry's decision on a civil-society proposal@@proposalDecision.accepted:Accepted`,
  partly_accepted: $localize`:The ministry's decision on a civil-society proposal@@proposalDecision.partly_accepted:Partly accepted`,
  not_accepted: $localize`:The ministry's decision on a civil-society proposal@@proposalDecision.not_accepted:Not accepted`,
};

/** The decisions, for a choice. */
export const DECISION_OPTIONS: readonly { readonly decision: ProposalDecision; readonly label: string }[] = (
  Object.keys(DECISION_LABELS) as ProposalDecision[]
).map((decision) => ({ decision, label: DECISION_LABELS[decision] }));

export function decisionLabel(decision: ProposalDecision): string {
  return DECISION_LABELS[decision] ?? decision;
}
