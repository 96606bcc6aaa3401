import type { Viewer } from '@bt/api/identity';
import type { Role } from '@bt/workflow';
import { taskKind } from './benchmark-tasks.service';
import { today } from './benchmark-workflow.service';

const viewer = (roles: Role[], coordinator = false): Viewer => ({
  userId: 'u',
  email: 'u@x.test',
  displayName: 'U',
  organisationId: 'o',
  countryCode: 'RS',
  roles: new Set(roles),
  coordinator,
  sessionTokenHash: 'h',
  secondFactorOutstanding: false,
});

describe('My tasks', () => {
  it('tells a coordinator a fresh draft to submit from one sent back for changes', () => {
    expect(taskKind(viewer(['ministry'], true), { state: 'draft', last_event: null, unanswered: false })).toBe('submit');
    expect(taskKind(viewer(['ministry'], true), { state: 'draft', last_event: 'REQUEST_CHANGES', unanswered: false })).toBe('revise');
  });

  it('asks the ministry to answer proposals, the expert to report and the Commission to review', () => {
    expect(taskKind(viewer(['ministry']), { state: 'submitted', last_event: 'SUBMIT', unanswered: true })).toBe('answer_proposals');
    expect(taskKind(viewer(['expert']), { state: 'peerReview', last_event: 'START_PEER_REVIEW', unanswered: false })).toBe('report');
    expect(taskKind(viewer(['commission']), { state: 'submitted', last_event: 'SUBMIT', unanswered: false })).toBe('review');
  });

  it("knows today's date where the server is", () => {
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
