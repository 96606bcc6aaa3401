import type { HistoryEventDto } from '@bt/contracts';
import type { BenchmarkEventType } from '@bt/workflow';

/** What each workflow event did, in the past tense, for the benchmark's history. */
const EVENT_LABELS: Record<BenchmarkEventType, string> = {
  SUBMIT: $localize`:History entry@@history.SUBMIT:Submitted to the Commission`,
  REQUEST_CHANGES: $localize`:History entry@@history.REQUEST_CHANGES:Changes requested`,
  START_PEER_REVIEW: $localize`:History entry@@history.START_PEER_REVIEW:Peer review started`,
  BEGIN_FIELDWORK: $localize`:History entry@@history.BEGIN_FIELDWORK:Fieldwork begun`,
  SUBMIT_MISSION_REPORT: $localize`:History entry@@history.SUBMIT_MISSION_REPORT:Mission report submitted`,
  ACCEPT: $localize`:History entry@@history.ACCEPT:Accepted`,
  REOPEN: $localize`:History entry@@history.REOPEN:Reopened`,
};

/** The other things the API records on a benchmark (its audit actions besides workflow events). */
const ACTION_LABELS: Record<string, string> = {
  'evidence.created': $localize`:History entry@@history.evidence.created:Evidence added`,
  'evidence.updated': $localize`:History entry@@history.evidence.updated:Evidence changed (new version)`,
  'evidence.file_added': $localize`:History entry@@history.evidence.file_added:File added to evidence`,
  'evidence.file_removed': $localize`:History entry@@history.evidence.file_removed:File removed from evidence`,
  'proposal.created': $localize`:History entry@@history.proposal.created:Civil-society proposal made`,
  'proposal.answered': $localize`:History entry@@history.proposal.answered:Proposal answered`,
  'mission.report_uploaded': $localize`:History entry@@history.mission.report_uploaded:Mission report uploaded`,
};

/**
 * One history entry in words: a workflow event (`benchmark.SUBMIT`) by its event, anything else by
 * its action. An action this app does not know yet is named as the API records it, never hidden.
 */
export function historyEntryLabel(entry: Pick<HistoryEventDto, 'action' | 'event'>): string {
  const event = entry.event ?? (entry.action.startsWith('benchmark.') ? entry.action.slice('benchmark.'.length) : null);
  const eventLabel = event ? (EVENT_LABELS as Record<string, string | undefined>)[event] : undefined;
  if (entry.action.startsWith('benchmark.') && eventLabel) return eventLabel;
  return ACTION_LABELS[entry.action] ?? eventLabel ?? entry.action;
}
