import { workflowSteps } from './workflow-steps';

const statuses = (steps: ReturnType<typeof workflowSteps>) =>
  steps.map((step) => [step.key, step.status, step.stages.map((stage) => `${stage.key}:${stage.status}`).join(' ')]);

describe('workflow steps', () => {
  it('marks a draft as the current step, everything else to come', () => {
    expect(statuses(workflowSteps('draft', null, false))).toEqual([
      ['draft', 'current', ''],
      ['submitted', 'upcoming', ''],
      ['peerReview', 'upcoming', 'planned:upcoming fieldwork:upcoming reported:upcoming'],
      ['accepted', 'upcoming', ''],
    ]);
  });

  it('follows the peer review through its stages', () => {
    expect(statuses(workflowSteps('peerReview', 'reported', true))[2]).toEqual(['peerReview', 'current', 'planned:done fieldwork:done reported:current']);
  });

  it('marks the peer review done once accepted after a mission, passed by without one otherwise', () => {
    expect(statuses(workflowSteps('accepted', null, true))).toEqual([
      ['draft', 'done', ''],
      ['submitted', 'done', ''],
      ['peerReview', 'done', 'planned:done fieldwork:done reported:done'],
      ['accepted', 'current', ''],
    ]);
    expect(statuses(workflowSteps('accepted', null, false))[2]).toEqual(['peerReview', 'skipped', 'planned:skipped fieldwork:skipped reported:skipped']);
  });

  it('names the steps and stages in words', () => {
    const steps = workflowSteps('submitted', null, false);
    expect(steps.map((step) => step.label)).toEqual(['Draft', 'Submitted', 'Peer review', 'Accepted']);
    expect(steps[2].stages.map((stage) => stage.label)).toEqual(['Mission planned', 'Fieldwork', 'Mission reported']);
  });
});
