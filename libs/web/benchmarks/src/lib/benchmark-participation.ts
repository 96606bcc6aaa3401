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

/** Replies in a thread: whoever may propose, and the ministry of the benchmark's country (as discussion), while input is open. */
export function mayReply(me: MeDto | null, benchmark: BenchmarkDetailDto): boolean {
  return mayPropose(me, benchmark) || mayAnswerProposals(me, benchmark);
}

/** Admins moderate the dialogue. */
export function mayModerate(me: MeDto | null): boolean {
  return !!me && holds(me, 'admin');
}

/** In whose voice the user assesses the benchmark (the API decides the same way), or null. */
export function assessmentVoice(me: MeDto | null, benchmark: BenchmarkDetailDto): 'commission' | 'ministry' | 'civil_society' | null {
  if (!me) return null;
  if (holds(me, 'commission')) return 'commission';
  if (!ofCountry(me, benchmark)) return null;
  if (holds(me, 'ministry')) return 'ministry';
  return holds(me, 'civil_society') ? 'civil_society' : null;
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

/**
 * Track records and the Action Plan of a benchmark: the Commission, the country's ministry and civil
 * society, and the experts of its mission read them (the API answers 404 to anyone else).
 */
export function mayReadCountryRecords(me: MeDto | null, benchmark: BenchmarkDetailDto): boolean {
  if (!me) return false;
  if (holds(me, 'commission')) return true;
  if ((holds(me, 'ministry') || holds(me, 'civil_society')) && ofCountry(me, benchmark)) return true;
  return holds(me, 'expert') && !!benchmark.mission?.experts.some((expert) => expert.id === me.id);
}

/** The ministry of the benchmark's country records track records, in any state of the benchmark. */
export function mayRecordTrackRecords(me: MeDto | null, benchmark: BenchmarkDetailDto): boolean {
  return !!me && holds(me, 'ministry') && ofCountry(me, benchmark);
}
