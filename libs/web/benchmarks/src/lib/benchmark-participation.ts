import type { BenchmarkDetailDto, MeDto, Role } from '@bt/contracts';
import type { BenchmarkState } from '@bt/workflow';

/*
 * What the signed-in user may do on a benchmark besides its workflow events (those the API lists
 * itself in `availableEvents`). These mirror the API's rules so that nobody is offered a form whose
 * request would be refused; the API still decides.
 */

/** Civil-society input is open until the benchmark is accepted. */
const OPEN_FOR_INPUT: readonly BenchmarkState[] = ['draft', 'submitted', 'peerReview'];

function holds(me: MeDto, role: Role): boolean {
  return me.roles.some((assignment) => assignment.role === role);
}

function ofCountry(me: MeDto, benchmark: BenchmarkDetailDto): boolean {
  return me.organisation.country === benchmark.country;
}

/** The ministry of the benchmark's country, while the benchmark is a draft. */
export function mayAddEvidence(me: MeDto | null, benchmark: BenchmarkDetailDto): boolean {
  return !!me && holds(me, 'ministry') && ofCountry(me, benchmark) && benchmark.state === 'draft';
}

/** The civil society of the benchmark's country, or the Commission, while input is open. */
export function mayPropose(me: MeDto | null, benchmark: BenchmarkDetailDto): boolean {
  if (!me || !OPEN_FOR_INPUT.includes(benchmark.state)) return false;
  return holds(me, 'commission') || (holds(me, 'civil_society') && ofCountry(me, benchmark));
}

/** The ministry of the benchmark's country, while input is open. */
export function mayAnswerProposals(me: MeDto | null, benchmark: BenchmarkDetailDto): boolean {
  return !!me && holds(me, 'ministry') && ofCountry(me, benchmark) && OPEN_FOR_INPUT.includes(benchmark.state);
}

/** An expert assigned to the current mission, or the Commission, during the peer review. */
export function mayUploadReport(me: MeDto | null, benchmark: BenchmarkDetailDto): boolean {
  const mission = benchmark.mission;
  // Until the mission reports: afterwards the report is what it said (the API refuses a replacement).
  if (!me || !mission || benchmark.state !== 'peerReview' || benchmark.stage === 'reported') return false;
  return holds(me, 'commission') || mission.experts.some((expert) => expert.id === me.id);
}

/** An expert of the current mission, or the Commission (the API serves the report to no one else). */
export function mayDownloadReport(me: MeDto | null, benchmark: BenchmarkDetailDto): boolean {
  const mission = benchmark.mission;
  if (!me || !mission?.report) return false;
  return holds(me, 'commission') || mission.experts.some((expert) => expert.id === me.id);
}
