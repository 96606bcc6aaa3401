import { serverTexts } from '@bt/i18n/server';
import type { InboxKind } from '@bt/contracts';

/** The kinds of notification e-mailed: every hand-over the dispatcher tells (notification-rules.ts). */
export type MailKind = Extract<
  InboxKind,
  | 'benchmark.submitted'
  | 'benchmark.changes_requested'
  | 'benchmark.accepted'
  | 'benchmark.reopened'
  | 'mission.planned'
  | 'mission.corrected'
  | 'mission.report_submitted'
  | 'mission.report_shared'
  | 'proposal.posted'
  | 'proposal.answered'
  | 'consultation.opened'
  | 'consultation.reopened'
  | 'consultation.published'
  | 'consultation.deadline'
  | 'mission.starting'
  | 'mission.report_due'
  | 'recommendation.due'
>;

type Key =
  | `subject.${MailKind}`
  | `why.${MailKind}`
  | 'greeting'
  | 'open'
  | 'openButton'
  | 'change'
  | 'decision.accepted'
  | 'decision.partly_accepted'
  | 'decision.not_accepted'
  | 'digest.subject'
  | 'digest.intro'
  | 'digest.why'
  | `kind.${MailKind}`
  | 'unsubscribe'
  | 'unsubscribed.title'
  | 'unsubscribed.body'
  | 'unsubscribed.open';

/**
 * Every text of the notification e-mails, in English and Serbian Latin (the Cyrillic derived): the
 * subject (also the message's first line), why the person gets it (the footer) and the frame around.
 * Terms as in docs/glossary-sr.md.
 */
export const mailTexts = serverTexts<Key>({
  en: {
    'subject.benchmark.submitted': '{benchmark}: submitted by {by} for your review',
    'subject.benchmark.changes_requested': '{benchmark}: {by} requested changes',
    'subject.benchmark.accepted': '{benchmark}: accepted by the Commission',
    'subject.benchmark.reopened': '{benchmark}: reopened by the Commission',
    'subject.mission.planned': 'Peer-review mission planned: {mission}',
    'subject.mission.corrected': 'Peer-review mission changed: {mission}',
    'subject.mission.report_submitted': 'Mission report submitted: {mission}',
    'subject.mission.report_shared': 'Mission report shared with you: {mission}',
    'subject.proposal.posted': '{benchmark}: a proposal from {organisation} awaits your answer',
    'subject.proposal.answered': '{benchmark}: the ministry {revised, select, true {revised its answer} other {answered}} — {decision}',
    'subject.consultation.opened': 'Written consultation open for your replies: {consultation}',
    'subject.consultation.reopened': 'Written consultation reopened: {consultation}',
    'subject.consultation.published': 'Written consultation published: {consultation}',
    'subject.consultation.deadline': 'Written consultation due: {consultation} ({unanswered, plural, one {# question} other {# questions}} not yet answered)',
    'subject.mission.starting': 'Peer-review mission starts: {mission}',
    'subject.mission.report_due': 'Mission report not yet submitted: {mission}',
    'subject.recommendation.due': 'Recommendation due: {recommendation}',
    'why.benchmark.submitted': 'You receive this because you review benchmarks for the European Commission.',
    'why.benchmark.changes_requested': 'You receive this because you work on this benchmark for your country’s ministry.',
    'why.benchmark.accepted': 'You receive this because you follow this benchmark for your country.',
    'why.benchmark.reopened': 'You receive this because you follow this benchmark for your country.',
    'why.mission.planned': 'You receive this because you take part in this peer-review mission or host it.',
    'why.mission.corrected': 'You receive this because you take part in this peer-review mission or host it.',
    'why.mission.report_submitted': 'You receive this because the European Commission runs this peer-review mission.',
    'why.mission.report_shared': 'You receive this because your ministry hosted this peer-review mission.',
    'why.proposal.posted': 'You receive this because your ministry answers civil-society proposals on this benchmark.',
    'why.proposal.answered': 'You receive this because your organisation made this proposal.',
    'why.consultation.opened': 'You receive this because your organisation is consulted.',
    'why.consultation.reopened': 'You receive this because your organisation is consulted.',
    'why.consultation.published': 'You receive this because your organisation was consulted.',
    'why.consultation.deadline': 'You receive this because your organisation is consulted and has not sent every reply.',
    'why.mission.starting': 'You receive this because you are an expert of this peer-review mission.',
    'why.mission.report_due': 'You receive this because you are an expert of this peer-review mission.',
    'why.recommendation.due': 'You receive this because you follow up this peer-review mission’s recommendations.',
    greeting: 'Hello {name},',
    open: 'Open it in Benchmark Tracker: {link}',
    openButton: 'Open in Benchmark Tracker',
    // Where a person's settings live (the choice of e-mails per kind is not built yet: README, Notifications).
    change: 'Your account and its settings: {account}',
    'decision.accepted': 'accepted',
    'decision.partly_accepted': 'partly accepted',
    'decision.not_accepted': 'not accepted',
    'digest.subject': 'Benchmark Tracker: your daily digest ({count, plural, one {# notification} other {# notifications}})',
    'digest.intro': 'What happened for you since the last digest:',
    'digest.why': 'You receive this digest because you chose it for these kinds of notification.',
    'kind.benchmark.submitted': 'A benchmark submitted for your review',
    'kind.benchmark.changes_requested': 'Changes requested on a benchmark',
    'kind.benchmark.accepted': 'A benchmark accepted',
    'kind.benchmark.reopened': 'A benchmark reopened',
    'kind.mission.planned': 'A peer-review mission planned',
    'kind.mission.corrected': 'A peer-review mission changed',
    'kind.mission.report_submitted': 'A mission report submitted',
    'kind.mission.report_shared': 'A mission report shared with you',
    'kind.proposal.posted': 'A civil-society proposal awaiting your answer',
    'kind.proposal.answered': "An answer to your organisation's proposal",
    'kind.consultation.opened': 'A written consultation open for your replies',
    'kind.consultation.reopened': 'A written consultation reopened',
    'kind.consultation.published': 'A written consultation published',
    'kind.consultation.deadline': "A written consultation's deadline coming up",
    'kind.mission.starting': 'A peer-review mission starting',
    'kind.mission.report_due': 'A mission report not yet submitted',
    'kind.recommendation.due': 'A recommendation due',
    unsubscribe: 'No more e-mails of this kind (one click, no sign-in needed): {link}',
    'unsubscribed.title': 'E-mails stopped',
    'unsubscribed.body': 'You will no longer get e-mails of this kind: {kind}. These notifications stay in your inbox.',
    'unsubscribed.open': 'Choose how you get each kind of notification on your account',
  },
  'sr-Latn': {
    'subject.benchmark.submitted': '{benchmark}: podneto na vaš pregled — {by}',
    'subject.benchmark.changes_requested': '{benchmark}: zatražene izmene — {by}',
    'subject.benchmark.accepted': '{benchmark}: Komisija je prihvatila',
    'subject.benchmark.reopened': '{benchmark}: Komisija je ponovo otvorila',
    'subject.mission.planned': 'Planirana misija stručne procene: {mission}',
    'subject.mission.corrected': 'Izmenjena misija stručne procene: {mission}',
    'subject.mission.report_submitted': 'Podnet izveštaj misije: {mission}',
    'subject.mission.report_shared': 'Izveštaj misije podeljen s vama: {mission}',
    'subject.proposal.posted': '{benchmark}: predlog organizacije {organisation} čeka vaš odgovor',
    'subject.proposal.answered': '{benchmark}: ministarstvo je {revised, select, true {izmenilo svoj odgovor} other {odgovorilo}} — {decision}',
    'subject.consultation.opened': 'Pisana konsultacija otvorena za vaše odgovore: {consultation}',
    'subject.consultation.reopened': 'Pisana konsultacija ponovo otvorena: {consultation}',
    'subject.consultation.published': 'Pisana konsultacija objavljena: {consultation}',
    'subject.consultation.deadline':
      'Rok za pisanu konsultaciju: {consultation} ({unanswered, plural, one {# pitanje još nije odgovoreno} few {# pitanja još nisu odgovorena} other {# pitanja još nije odgovoreno}})',
    'subject.mission.starting': 'Počinje misija stručne procene: {mission}',
    'subject.mission.report_due': 'Izveštaj misije još nije podnet: {mission}',
    'subject.recommendation.due': 'Rok za preporuku: {recommendation}',
    'why.benchmark.submitted': 'Ovo dobijate jer pregledate merila za Evropsku komisiju.',
    'why.benchmark.changes_requested': 'Ovo dobijate jer radite na ovom merilu za ministarstvo svoje zemlje.',
    'why.benchmark.accepted': 'Ovo dobijate jer pratite ovo merilo za svoju zemlju.',
    'why.benchmark.reopened': 'Ovo dobijate jer pratite ovo merilo za svoju zemlju.',
    'why.mission.planned': 'Ovo dobijate jer učestvujete u ovoj misiji stručne procene ili ste njen domaćin.',
    'why.mission.corrected': 'Ovo dobijate jer učestvujete u ovoj misiji stručne procene ili ste njen domaćin.',
    'why.mission.report_submitted': 'Ovo dobijate jer Evropska komisija vodi ovu misiju stručne procene.',
    'why.mission.report_shared': 'Ovo dobijate jer je vaše ministarstvo bilo domaćin ove misije stručne procene.',
    'why.proposal.posted': 'Ovo dobijate jer vaše ministarstvo odgovara na predloge civilnog društva o ovom merilu.',
    'why.proposal.answered': 'Ovo dobijate jer je vaša organizacija podnela ovaj predlog.',
    'why.consultation.opened': 'Ovo dobijate jer se vaša organizacija konsultuje.',
    'why.consultation.reopened': 'Ovo dobijate jer se vaša organizacija konsultuje.',
    'why.consultation.published': 'Ovo dobijate jer je vaša organizacija bila konsultovana.',
    'why.consultation.deadline': 'Ovo dobijate jer se vaša organizacija konsultuje, a još nije poslala sve odgovore.',
    'why.mission.starting': 'Ovo dobijate jer ste ekspert ove misije stručne procene.',
    'why.mission.report_due': 'Ovo dobijate jer ste ekspert ove misije stručne procene.',
    'why.recommendation.due': 'Ovo dobijate jer pratite sprovođenje preporuka ove misije stručne procene.',
    greeting: 'Poštovani/a {name},',
    open: 'Otvorite u aplikaciji Benchmark Tracker: {link}',
    openButton: 'Otvori u aplikaciji Benchmark Tracker',
    change: 'Vaš nalog i njegova podešavanja: {account}',
    'decision.accepted': 'prihvaćen',
    'decision.partly_accepted': 'delimično prihvaćen',
    'decision.not_accepted': 'nije prihvaćen',
    'digest.subject': 'Benchmark Tracker: vaš dnevni pregled ({count, plural, one {# obaveštenje} few {# obaveštenja} other {# obaveštenja}})',
    'digest.intro': 'Šta se dogodilo za vas od prethodnog pregleda:',
    'digest.why': 'Ovaj pregled dobijate jer ste ga izabrali za ove vrste obaveštenja.',
    'kind.benchmark.submitted': 'Merilo podneto na vaš pregled',
    'kind.benchmark.changes_requested': 'Zatražene izmene merila',
    'kind.benchmark.accepted': 'Merilo prihvaćeno',
    'kind.benchmark.reopened': 'Merilo ponovo otvoreno',
    'kind.mission.planned': 'Planirana misija stručne procene',
    'kind.mission.corrected': 'Izmenjena misija stručne procene',
    'kind.mission.report_submitted': 'Podnet izveštaj misije',
    'kind.mission.report_shared': 'Izveštaj misije podeljen s vama',
    'kind.proposal.posted': 'Predlog civilnog društva čeka vaš odgovor',
    'kind.proposal.answered': 'Odgovor na predlog vaše organizacije',
    'kind.consultation.opened': 'Pisana konsultacija otvorena za vaše odgovore',
    'kind.consultation.reopened': 'Pisana konsultacija ponovo otvorena',
    'kind.consultation.published': 'Pisana konsultacija objavljena',
    'kind.consultation.deadline': 'Rok pisane konsultacije se približava',
    'kind.mission.starting': 'Počinje misija stručne procene',
    'kind.mission.report_due': 'Izveštaj misije još nije podnet',
    'kind.recommendation.due': 'Rok za preporuku',
    unsubscribe: 'Bez e-poruka ove vrste (jednim klikom, bez prijave): {link}',
    'unsubscribed.title': 'E-poruke zaustavljene',
    'unsubscribed.body': 'Više nećete dobijati e-poruke ove vrste: {kind}. Ova obaveštenja ostaju u vašem prijemnom sandučetu.',
    'unsubscribed.open': 'Izaberite kako dobijate svaku vrstu obaveštenja na svom nalogu',
  },
});
