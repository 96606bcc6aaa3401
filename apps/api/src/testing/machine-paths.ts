import { getSimplePaths, type Step } from '@xstate/graph';
import { type AnyMachineSnapshot, type AnyStateMachine, type EventFromLogic, type SnapshotFrom, transition } from 'xstate';

interface MachinePath<TMachine extends AnyStateMachine> {
  state: SnapshotFrom<TMachine>;
  steps: Step<SnapshotFrom<TMachine>, EventFromLogic<TMachine>>[];
}

const stateOf = (snapshot: unknown) => JSON.stringify((snapshot as AnyMachineSnapshot).value);

/**
 * Paths that drive every transition of a workflow machine at least once: every simple path (no state
 * visited twice), plus each simple path extended by one of the `loopBacks` events where it leads back
 * into a state already visited (a change request, a reopening), which simple paths never take.
 */
export function pathsThroughEveryTransition<TMachine extends AnyStateMachine>(
  machine: TMachine,
  events: EventFromLogic<TMachine>[],
  loopBacks: readonly EventFromLogic<TMachine>['type'][],
): MachinePath<TMachine>[] {
  const simple = getSimplePaths(machine, { events }) as MachinePath<TMachine>[];
  const loops = simple.flatMap((p) =>
    events
      .filter((event) => loopBacks.includes(event.type))
      .map((event) => ({ event, next: transition(machine, p.state, event)[0] as SnapshotFrom<TMachine> }))
      .filter(({ next }) => stateOf(next) !== stateOf(p.state))
      .map(({ event, next }) => ({ state: next, steps: [...p.steps, { state: next, event }] })),
  );
  return [...simple.filter((p) => p.steps.length > 1), ...loops];
}

/** A path's name in a test's title: its events in order (`SUBMIT → REQUEST_CHANGES`). */
export function pathName(path: { steps: { event: { type: string } }[] }): string {
  return path.steps
    .slice(1)
    .map((step) => step.event.type)
    .join(' → ');
}
