import type { TaskDto } from '@bt/contracts';

export type TaskKind = TaskDto['kind'];

/** A kind of task in words: a heading, and what the user is asked to do. */
export interface TaskKindPresentation {
  readonly title: string;
  readonly description: string;
}

/*
 * In the order a user works through them: what came back first, then what is new. A Record over
 * the contract's kinds, so a new kind fails the build here until it has its words.
 */
const KINDS: Record<TaskKind, TaskKindPresentation> = {
  revise: {
    title: $localize`:Group of tasks@@tasks.kind.revise:Changes requested`,
    description: $localize`:@@tasks.kind.revise.description:The Commission asked for changes. Revise the evidence and submit again.`,
  },
  submit: {
    title: $localize`:Group of tasks@@tasks.kind.submit:Drafts to submit`,
    description: $localize`:@@tasks.kind.submit.description:Drafts of your country, to be submitted to the Commission once their evidence is ready.`,
  },
  answer_proposals: {
    title: $localize`:Group of tasks@@tasks.kind.answer_proposals:Proposals to answer`,
    description: $localize`:@@tasks.kind.answer_proposals.description:Civil-society proposals waiting for your ministry's reasoned answer.`,
  },
  review: {
    title: $localize`:Group of tasks@@tasks.kind.review:Submissions to review`,
    description: $localize`:@@tasks.kind.review.description:Submitted benchmarks, and peer reviews whose mission has reported, waiting for the Commission's decision.`,
  },
  report: {
    title: $localize`:Group of tasks@@tasks.kind.report:Missions to report`,
    description: $localize`:@@tasks.kind.report.description:Peer-review missions you are assigned to: begin the fieldwork, then upload and submit the report.`,
  },
};

const ORDER = Object.keys(KINDS) as TaskKind[];

const OTHER: TaskKindPresentation = {
  title: $localize`:Group of tasks of a kind this app does not know yet@@tasks.kind.other:Other tasks`,
  description: '',
};

export interface TaskGroup extends TaskKindPresentation {
  readonly kind: string;
  readonly tasks: readonly TaskDto[];
}

/**
 * The tasks by kind, kinds in working order, tasks in the API's (catalogue) order; only kinds that
 * have tasks. A kind the app does not know yet is still shown, under "Other tasks", last.
 */
export function groupTasks(tasks: readonly TaskDto[]): TaskGroup[] {
  const byKind = new Map<string, TaskDto[]>();
  for (const task of tasks) {
    const group = byKind.get(task.kind);
    if (group) group.push(task);
    else byKind.set(task.kind, [task]);
  }
  const rank = (kind: string) => {
    const index = ORDER.indexOf(kind as TaskKind);
    return index === -1 ? ORDER.length : index;
  };
  return [...byKind.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([kind, tasks]) => ({ kind, tasks, ...((KINDS as Record<string, TaskKindPresentation | undefined>)[kind] ?? OTHER) }));
}
