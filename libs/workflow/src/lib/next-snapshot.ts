import { type AnyActorScope, type AnyStateMachine, createActor, type EventFromLogic, type SnapshotFrom } from 'xstate';

/**
 * XState's pure `transition(machine, snapshot, event)`, without what that builds afresh on every
 * call: an actor for the machine, whose construction computes the machine's initial snapshot (about
 * 30 µs, most of the API's XState time in a transition). One inert scope per machine serves every
 * call instead: it runs no actions (callers use the next snapshot only) and its system keeps no
 * children, as the workflow machines have neither actions nor invoked or spawned actors. The same
 * answers as `transition` (next-snapshot.spec.ts compares them in every state, for every event).
 */
export function nextSnapshot<M extends AnyStateMachine>(machine: M, snapshot: SnapshotFrom<M>, event: EventFromLogic<M>): SnapshotFrom<M> {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const nothing = () => undefined;
    scope = { self, id: '', sessionId: '', logger: nothing, defer: nothing, emit: nothing, system: self.system, stopChild: nothing, actionExecutor: nothing };
    scopes.set(machine, scope);
  }
  return machine.transition(snapshot, event, scope) as SnapshotFrom<M>;
}

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();
