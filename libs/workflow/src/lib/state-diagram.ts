/**
 * A machine's states and transitions as a Mermaid state diagram (docs/workflows.md is generated from
 * the machines with it, so the picture cannot drift from the code). Each arrow is labelled with its
 * event and, in brackets, its guard.
 */
interface TransitionConfig {
  target?: string;
  guard?: string;
}
interface StateConfig {
  initial?: string;
  type?: string;
  on?: Record<string, TransitionConfig | TransitionConfig[]>;
  states?: Record<string, StateConfig>;
}

export function stateDiagramOf(machine: { id: string; config: unknown }): string {
  const root = machine.config as StateConfig;
  const lines = ['stateDiagram-v2'];
  // Mermaid draws no arrow from inside a composite state to a state outside it: such a transition
  // (`#machine.state`) is drawn from the composite state, naming the inner state it leaves from.
  const outward: string[] = [];
  const render = (node: StateConfig, path: string[], indent: string) => {
    if (node.initial) lines.push(`${indent}[*] --> ${node.initial}`);
    for (const [name, state] of Object.entries(node.states ?? {})) {
      if (state.states) {
        lines.push(`${indent}state ${name} {`);
        render(state, [...path, name], `${indent}  `);
        lines.push(`${indent}}`);
      }
      if (state.type === 'final') lines.push(`${indent}${name} --> [*]`);
      for (const [event, transitions] of Object.entries(state.on ?? {})) {
        for (const t of Array.isArray(transitions) ? transitions : [transitions]) {
          if (!t.target) continue;
          const label = `${event}${t.guard ? ` (${t.guard})` : ''}`;
          if (t.target.startsWith(`#${machine.id}.`) && path.length > 0) {
            outward.push(`  ${path[0]} --> ${t.target.slice(machine.id.length + 2)}: ${label} from ${name}`);
          } else {
            lines.push(`${indent}${name} --> ${t.target.replace(`#${machine.id}.`, '')}: ${label}`);
          }
        }
      }
    }
  };
  render(root, [], '  ');
  return [...lines, ...outward].join('\n');
}
