/**
 * A reason given to a person — why an action is not possible yet, why a request was refused — as a
 * stable code with its parameters, and its English wording. The web app words the code in the
 * reader's language; API clients that know no code read `message`.
 */
export type ReasonParams = Record<string, string | number>;

export interface Reason {
  code: string;
  params: ReasonParams;
  /** The English wording, parameters filled in. */
  message: string;
}

/** The names of a wording's `{name}` placeholders, as a type: 'the mission starts on {date}' → 'date'. */
export type PlaceholdersOf<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;

/** A wording with its `{name}` placeholders filled in (an unknown name stays as it is). */
export function fillIn(wording: string, params: ReasonParams): string {
  return wording.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The unmet conditions of the workflows, in English. Each code is also a refusal code of the API
 * (a 422) and is worded in the reader's language by the web app.
 */
export const WORKFLOW_REASONS = {
  'workflow.only-coordinator': "only a ministry coordinator of the benchmark's country may do this",
  'workflow.only-commission': 'only the Commission may do this',
  'workflow.only-commission-or-expert': 'only the Commission or an expert of the mission may do this',
  'workflow.shared-evidence-needed': 'at least one evidence item shared with reviewers is needed',
  'workflow.proposals-unanswered': 'civil-society proposals still need a reasoned answer: {count}{excerpts}',
  'workflow.comment-needed': 'a comment saying what to change is needed',
  'workflow.mission-dates-needed': 'the mission needs a start and an end date',
  'workflow.mission-ends-before-start': 'the mission cannot end before it starts',
  'workflow.mission-expert-needed': 'the mission needs at least one assigned expert',
  'workflow.no-mission-planned': 'no mission is planned',
  'workflow.mission-not-started': 'the mission starts on {date}',
  'workflow.mission-report-needed': 'the mission report document must be uploaded first',
  'workflow.assessment-needed': 'an assessment (state of preparation, progress and its text) is needed',
  'workflow.mission-required': 'this benchmark needs a peer-review mission before acceptance',
  'workflow.mission-not-reported': 'the peer-review mission has not reported yet',
  'workflow.justification-needed': 'a justification for reopening is needed',
  'workflow.question-needed': 'at least one topic with a question is needed',
  'workflow.topics-without-question': 'topics without a question yet: {count}',
  'workflow.recipient-needed': 'at least one recipient organisation is needed',
  'workflow.deadline-not-ahead': 'the deadline must be in the future',
  'workflow.replies-already-sent': 'replies were already sent: {count}',
  'workflow.new-deadline-needed': 'a new deadline in the future is needed to reopen',
  'workflow.questions-unsummarised': 'questions still without a summary: {count}',
} as const satisfies Record<string, string>;

export type WorkflowReasonCode = keyof typeof WORKFLOW_REASONS;

/** A workflow condition's reason, worded in English from its code. */
export function unmet<C extends WorkflowReasonCode>(
  code: C,
  ...params: PlaceholdersOf<(typeof WORKFLOW_REASONS)[C]> extends never ? [] : [Record<PlaceholdersOf<(typeof WORKFLOW_REASONS)[C]>, string | number>]
): Reason {
  const filled = params[0] ?? {};
  return { code, params: filled, message: fillIn(WORKFLOW_REASONS[code], filled) };
}
