import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRANSITION_GUARDS, benchmarkMachine } from './benchmark-machine';
import { CONSULTATION_TRANSITION_GUARDS, consultationMachine } from './consultation-machine';
import { stateDiagramOf } from './state-diagram';

const DOC = join(__dirname, '../../../../docs/workflows.md');

/** docs/workflows.md as the machines make it: `UPDATE_DOCS=1 npx jest libs/workflow` rewrites it after a change of a machine. */
function workflowsDoc(): string {
  const guards = (table: Record<string, string[]>) =>
    Object.entries(table)
      .map(([guard, conditions]) => `| \`${guard}\` | ${conditions.length ? conditions.map((c) => `\`${c}\``).join(', ') : '—'} |`)
      .join('\n');
  return `# The workflows

Generated from the XState machines of \`libs/workflow\` by \`libs/workflow/src/lib/state-diagram.spec.ts\`
(\`UPDATE_DOCS=1 npx jest libs/workflow\` after changing a machine; the test fails while this file
differs from the machines). Each arrow reads *event (guard)*; a guard is the conjunction of the
conditions listed under it, each of which answers why when it is unmet (\`libs/workflow/src/lib/reasons.ts\`).
Who may fire each event, and the design around them: \`docs/design.md\`.

## A benchmark

\`\`\`mermaid
${stateDiagramOf(benchmarkMachine)}
\`\`\`

| guard | conditions |
|---|---|
${guards(TRANSITION_GUARDS)}

## A written consultation

\`\`\`mermaid
${stateDiagramOf(consultationMachine)}
\`\`\`

| guard | conditions |
|---|---|
${guards(CONSULTATION_TRANSITION_GUARDS)}
`;
}

describe('the workflow diagrams (docs/workflows.md)', () => {
  it('draws every state and transition of the benchmark machine, nested states inside their parent', () => {
    const diagram = stateDiagramOf(benchmarkMachine);
    expect(diagram).toContain('[*] --> draft');
    expect(diagram).toContain('draft --> submitted: SUBMIT (submit)');
    expect(diagram).toContain('state peerReview {');
    // Out of a nested state: drawn from its parent, naming it (Mermaid cannot draw that arrow itself).
    expect(diagram).toContain('peerReview --> accepted: ACCEPT (acceptAfterMission) from reported');
    // Two initial states and the ten transitions of the machine.
    expect(diagram.match(/-->/g)?.length).toBe(2 + 10);
  });

  it('is what the machines draw today', () => {
    const expected = workflowsDoc();
    if (process.env['UPDATE_DOCS'] === '1') writeFileSync(DOC, expected);
    expect(readFileSync(DOC, 'utf8')).toBe(expected);
  });
});
