import type { InboxItemDto } from '@bt/contracts';
import { decisionLabel } from '@bt/web/benchmarks';

/**
 * An inbox item in the reader's language, from the facts the API sends with it; the API's English
 * `title` only for a kind this version of the app does not know yet.
 */
export function inboxTitle(item: InboxItemDto): string {
  switch (item.kind) {
    case 'proposal.unanswered': {
      const { benchmark, organisation, days } = item.facts;
      if (days === 0)
        return $localize`:Inbox item for the ministry@@inbox.proposalUnanswered.today:${benchmark}:benchmark:: a proposal from ${organisation}:organisation: awaits your answer (since today)`;
      return days === 1
        ? $localize`:Inbox item for the ministry@@inbox.proposalUnanswered.one:${benchmark}:benchmark:: a proposal from ${organisation}:organisation: awaits your answer (1 day)`
        : $localize`:Inbox item for the ministry@@inbox.proposalUnanswered.other:${benchmark}:benchmark:: a proposal from ${organisation}:organisation: awaits your answer (${days}:days: days)`;
    }
    case 'proposal.answered': {
      const { benchmark, decision, revised } = item.facts;
      return revised
        ? $localize`:Inbox item for a civil-society organisation@@inbox.proposalAnswerRevised:${benchmark}:benchmark:: the ministry revised its answer — ${decisionLabel(decision)}:decision:`
        : $localize`:Inbox item for a civil-society organisation@@inbox.proposalAnswered:${benchmark}:benchmark:: the ministry answered — ${decisionLabel(decision)}:decision:`;
    }
    case 'consultation.deadline':
      return $localize`:Inbox reminder for a consultation's recipient@@inbox.consultationDue:Written consultation due: ${item.facts.consultation}:consultation:`;
    case 'mission.starting':
      return $localize`:Inbox reminder for a mission's expert@@inbox.missionStarting:Peer-review mission starts: ${item.facts.mission}:mission:`;
    case 'mission.report_due':
      return $localize`:Inbox reminder for a mission's expert@@inbox.missionReportDue:Mission report not yet submitted: ${item.facts.mission}:mission:`;
    case 'recommendation.due':
      return $localize`:Inbox reminder of a mission's recommendation@@inbox.recommendationDue:Recommendation due: ${item.facts.recommendation}:recommendation:`;
    case 'activity.due':
      return $localize`:Inbox reminder for the ministry; the activity's code and title, then its benchmark@@inbox.activityDue:Action Plan activity due: ${item.facts.activity}:activity: (${item.facts.benchmark}:benchmark:)`;
    case 'benchmark.submitted':
      return $localize`:Inbox item for the Commission@@inbox.benchmarkSubmitted:${item.facts.benchmark}:benchmark:: submitted by ${item.facts.by}:person: for your review`;
    case 'benchmark.changes_requested':
      return $localize`:Inbox item for the ministry; the Commission's comment follows@@inbox.benchmarkChangesRequested:${item.facts.benchmark}:benchmark:: ${item.facts.by}:person: requested changes`;
    case 'benchmark.accepted':
      return $localize`:Inbox item for the ministry and civil society@@inbox.benchmarkAccepted:${item.facts.benchmark}:benchmark:: accepted by the Commission`;
    case 'benchmark.reopened':
      return $localize`:Inbox item for the ministry and civil society@@inbox.benchmarkReopened:${item.facts.benchmark}:benchmark:: reopened by the Commission`;
    case 'mission.planned':
      return $localize`:Inbox item for a mission's experts and the host ministry@@inbox.missionPlanned:Peer-review mission planned: ${item.facts.mission}:mission:`;
    case 'mission.corrected':
      return $localize`:Inbox item for a mission's experts and the host ministry@@inbox.missionCorrected:Peer-review mission changed: ${item.facts.mission}:mission:`;
    case 'mission.report_submitted':
      return $localize`:Inbox item for the Commission@@inbox.missionReportSubmitted:Mission report submitted: ${item.facts.mission}:mission:`;
    case 'mission.report_shared':
      return $localize`:Inbox item for the host ministry@@inbox.missionReportShared:Mission report shared with you: ${item.facts.mission}:mission:`;
    case 'proposal.posted':
      return $localize`:Inbox item for the ministry@@inbox.proposalPosted:${item.facts.benchmark}:benchmark:: a proposal from ${item.facts.organisation}:organisation: awaits your answer`;
    case 'consultation.opened':
      return $localize`:Inbox item for a consultation's recipients@@inbox.consultationOpened:Written consultation open for your replies: ${item.facts.consultation}:consultation:`;
    case 'consultation.reopened':
      return $localize`:Inbox item for a consultation's recipients@@inbox.consultationReopened:Written consultation reopened: ${item.facts.consultation}:consultation:`;
    case 'consultation.published':
      return $localize`:Inbox item for a consultation's recipients@@inbox.consultationPublished:Written consultation published: ${item.facts.consultation}:consultation:`;
    default:
      return (item as InboxItemDto).title;
  }
}

/** The line under the title: the opening words of a proposal as written, or what is left to do. */
export function inboxDetail(item: InboxItemDto): string | null {
  if (item.kind === 'consultation.deadline') {
    const n = item.facts.unanswered;
    return n === 1
      ? $localize`:Under a consultation reminder@@inbox.consultationUnanswered.one:1 question not yet answered`
      : $localize`:Under a consultation reminder@@inbox.consultationUnanswered.other:${n}:count: questions not yet answered`;
  }
  return item.detail ?? null;
}
