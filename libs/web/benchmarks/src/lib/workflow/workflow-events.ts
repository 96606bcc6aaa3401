import type { BenchmarkEventType } from '@bt/workflow';

/** How a workflow event is offered: its button, the question its dialog asks, and what it says once done. */
export interface WorkflowEventPresentation {
  /** The button's words: the action itself. */
  readonly action: string;
  readonly icon: string;
  /** What happens, shown in the dialog before the user confirms. */
  readonly explanation: string;
  /** The snack bar once it has happened. */
  readonly done: string;
}

/*
 * A Record over the machine's event type, so an event added to the workflow fails the build here
 * until it has its words.
 */
const PRESENTATIONS: Record<BenchmarkEventType, WorkflowEventPresentation> = {
  SUBMIT: {
    action: $localize`:Workflow action button@@workflowEvent.SUBMIT.action:Submit to the Commission`,
    icon: 'send',
    explanation: $localize`:@@workflowEvent.SUBMIT.explanation:The benchmark goes to the European Commission for review. Its evidence can no longer be changed until changes are requested or the benchmark is reopened.`,
    done: $localize`:@@workflowEvent.SUBMIT.done:Submitted to the Commission.`,
  },
  REQUEST_CHANGES: {
    action: $localize`:Workflow action button@@workflowEvent.REQUEST_CHANGES.action:Request changes`,
    icon: 'undo',
    explanation: $localize`:@@workflowEvent.REQUEST_CHANGES.explanation:The benchmark goes back to the ministry as a draft. Say what should change.`,
    done: $localize`:@@workflowEvent.REQUEST_CHANGES.done:Changes requested.`,
  },
  START_PEER_REVIEW: {
    action: $localize`:Workflow action button@@workflowEvent.START_PEER_REVIEW.action:Start peer review`,
    icon: 'groups',
    explanation: $localize`:@@workflowEvent.START_PEER_REVIEW.explanation:Plans a peer-review mission: its dates and the Member State experts who carry it out.`,
    done: $localize`:@@workflowEvent.START_PEER_REVIEW.done:Peer review started.`,
  },
  BEGIN_FIELDWORK: {
    action: $localize`:Workflow action button@@workflowEvent.BEGIN_FIELDWORK.action:Begin fieldwork`,
    icon: 'flight_takeoff',
    explanation: $localize`:@@workflowEvent.BEGIN_FIELDWORK.explanation:Records that the peer-review mission has begun its fieldwork.`,
    done: $localize`:@@workflowEvent.BEGIN_FIELDWORK.done:Fieldwork begun.`,
  },
  SUBMIT_MISSION_REPORT: {
    action: $localize`:Workflow action button@@workflowEvent.SUBMIT_MISSION_REPORT.action:Submit mission report`,
    icon: 'assignment_turned_in',
    explanation: $localize`:@@workflowEvent.SUBMIT_MISSION_REPORT.explanation:The uploaded mission report goes to the Commission, which can then assess and accept the benchmark.`,
    done: $localize`:@@workflowEvent.SUBMIT_MISSION_REPORT.done:Mission report submitted.`,
  },
  ACCEPT: {
    action: $localize`:Workflow action button@@workflowEvent.ACCEPT.action:Accept`,
    icon: 'verified',
    explanation: $localize`:@@workflowEvent.ACCEPT.explanation:Accepts the benchmark as met, with the Commission's assessment.`,
    done: $localize`:@@workflowEvent.ACCEPT.done:Benchmark accepted.`,
  },
  REOPEN: {
    action: $localize`:Workflow action button@@workflowEvent.REOPEN.action:Reopen`,
    icon: 'replay',
    explanation: $localize`:@@workflowEvent.REOPEN.explanation:The accepted benchmark goes back to the ministry as a draft, for example after the interim benchmarks were updated.`,
    done: $localize`:@@workflowEvent.REOPEN.done:Benchmark reopened.`,
  },
};

export function workflowEventPresentation(type: BenchmarkEventType): WorkflowEventPresentation {
  return PRESENTATIONS[type];
}
