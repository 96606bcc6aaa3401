// Value lists and checks without the request classes' decorators: the web app imports them through
// '@bt/contracts/values', so class-validator stays out of its bundle. The API reads them through '@bt/contracts'.
export const EVIDENCE_VISIBILITIES = ['internal', 'shared', 'public'] as const;
export type EvidenceVisibility = (typeof EVIDENCE_VISIBILITIES)[number];

export const PROPOSAL_DECISIONS = ['accepted', 'partly_accepted', 'not_accepted'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

/** A reporting period: a year (`2026`), a half (`2026-H1`) or a quarter (`2026-Q3`). */
export const ASSESSMENT_PERIOD = /^\d{4}(-(H[12]|Q[1-4]))?$/;

export const ASSESSMENT_VOICES = ['commission', 'ministry', 'civil_society'] as const;
export type AssessmentVoice = (typeof ASSESSMENT_VOICES)[number];
