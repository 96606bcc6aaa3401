import type {
  ActionActivityDto,
  AssessmentDto,
  BenchmarkAssessmentsDto,
  BenchmarkDetailDto,
  EvidenceDto,
  HistoryEventDto,
  MissionDetailDto,
  ProposalDto,
  TrackRecordSeriesDto,
} from '@bt/contracts';
import { type Language, latinToCyrillic } from '@bt/i18n';
import { BENCHMARK_STATES, type BenchmarkState } from '@bt/workflow';
import { FORMAT_LOCALE } from '@bt/i18n/server';
import { type Block, heading, paragraph, table } from './report-document';
import { isReportText, type ReportWording } from './report-texts';

/**
 * What a caller may see of one benchmark, read through each domain's own service (and so its
 * visibility rules). null: the caller does not see that part at all (the public sees no track
 * records, Action Plan, dialogue, missions or history), and the document leaves it out.
 */
export interface BenchmarkFacts {
  benchmark: BenchmarkDetailDto;
  assessments: BenchmarkAssessmentsDto;
  evidence: EvidenceDto[];
  trackRecords: TrackRecordSeriesDto[] | null;
  activities: ActionActivityDto[] | null;
  proposals: ProposalDto[] | null;
  missions: MissionDetailDto[] | null;
  history: HistoryEventDto[] | null;
}

/** Dates and numbers as the reader's language writes them. */
export class Formats {
  private readonly day: Intl.DateTimeFormat;
  private readonly number: Intl.NumberFormat;
  private readonly change: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;

  constructor(readonly language: Language) {
    const locale = FORMAT_LOCALE[language];
    this.day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.change = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
    this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  }

  date(value: string | null): string {
    return value ? this.day.format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value)) : '–';
  }

  figure(value: number): string {
    return this.number.format(value);
  }

  /** The change on the value before: absolute and, where the one before is not zero, relative. */
  difference(value: number, before: number | undefined): string {
    if (before === undefined) return '–';
    const absolute = this.change.format(value - before);
    return before === 0 ? absolute : `${absolute} (${this.percent.format((value - before) / Math.abs(before))})`;
  }

  /** A catalogue text written in Serbian Latin, in the reader's script. */
  serbian(text: string): string {
    return this.language === 'sr-Cyrl' ? latinToCyrillic(text) : text;
  }
}

/** The voices of one period, the Commission first, as rows of the assessments table: whose, the two grades in the scales' words, the reasoning. */
function assessmentRows(
  t: ReportWording,
  voices: { commission: AssessmentDto | null; ministry: AssessmentDto | null; civilSociety: AssessmentDto[] },
): string[][] {
  const all = [voices.commission, voices.ministry, ...voices.civilSociety].filter((a): a is AssessmentDto => !!a);
  return all.map((a) => [
    a.voice === 'civil_society' ? t('voice.civil_society', { organisation: a.organisation }) : t(`voice.${a.voice}`),
    t(`preparation.${a.preparation}`),
    t(`progress.${a.progress}`),
    a.text,
  ]);
}

/**
 * One benchmark as a chapter of a document: its text, state, assessments, evidence, track records,
 * Action Plan, dialogue and missions (`level`: the heading level of its title). The chapter report
 * writes one per benchmark; the dossier one, with its history in an annex. Evidence narratives only
 * with `narratives` (the dossier): a chapter's report lists each item, and a chapter of 10,000 items
 * with their whole narratives would be thousands of pages that pdfmake lays out in memory at once.
 */
export function benchmarkSection(facts: BenchmarkFacts, t: ReportWording, f: Formats, level: 1 | 2, narratives: boolean): Block[] {
  const b = facts.benchmark;
  const sub = (level + 1) as 2 | 3;
  const blocks: Block[] = [heading(level, `${b.code}`)];
  const serbian = f.language !== 'en';
  blocks.push(paragraph(`${t('area')}: ${b.area.title}`, 'note'));
  if (serbian && b.textSr) {
    blocks.push(paragraph(t('text.unofficial'), 'bold'), paragraph(f.serbian(b.textSr)), paragraph(t('text.official'), 'bold'), paragraph(b.text));
  } else {
    blocks.push(paragraph(b.text));
  }
  if (b.subRequirements.length) {
    blocks.push(paragraph(t('subRequirements'), 'bold'));
    for (const s of b.subRequirements) blocks.push(paragraph(`${s.code} ${serbian && s.textSr ? f.serbian(s.textSr) : s.text}`));
  }
  blocks.push(table([t('state'), t('updated')], [[t(`state.${b.state}`), f.date(b.updatedAt)]]));

  blocks.push(heading(sub, t('assessments')));
  const periods = facts.assessments.periods.filter((p) => p.commission || p.ministry || p.civilSociety.length);
  if (!periods.length) blocks.push(paragraph(t('none'), 'note'));
  for (const p of periods) {
    blocks.push(paragraph(`${t('period')} ${p.period}`, 'bold'));
    blocks.push(table([t('voice'), t('preparation'), t('progress'), t('reasoning')], assessmentRows(t, p)));
  }

  blocks.push(heading(sub, t('evidence')));
  if (!facts.evidence.length) blocks.push(paragraph(t('none'), 'note'));
  const codeOf = new Map(b.subRequirements.map((s) => [s.id, s.code]));
  for (const e of facts.evidence) {
    blocks.push(paragraph(e.title, 'bold'));
    blocks.push(
      paragraph(
        [
          e.periodStart || e.periodEnd ? t('evidence.period', { from: f.date(e.periodStart), to: f.date(e.periodEnd) }) : t('evidence.noPeriod'),
          t('evidence.visibility', { visibility: t(`visibility.${e.visibility}`) }),
          e.subRequirementIds.length ? t('evidence.covers', { codes: e.subRequirementIds.map((id) => codeOf.get(id) ?? id).join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' · '),
        'note',
      ),
    );
    if (narratives && e.narrative.trim()) blocks.push(paragraph(e.narrative.trim()));
    if (e.files.length)
      blocks.push(
        table(
          [t('file.name'), 'SHA-256'],
          e.files.map((file) => [file.fileName, file.sha256]),
          ['*', 'auto'],
        ),
      );
  }

  if (facts.trackRecords) {
    blocks.push(heading(sub, t('trackRecords')));
    if (!facts.trackRecords.length) blocks.push(paragraph(t('none'), 'note'));
    for (const series of facts.trackRecords) {
      blocks.push(paragraph(series.name, 'bold'), paragraph(t('series.unit', { unit: series.unit, rule: series.countingRule }).trim(), 'note'));
      const values = [...series.values].sort((x, y) => x.period.localeCompare(y.period));
      blocks.push(
        table(
          [t('period'), t('value'), t('change'), t('source')],
          values.map((v, i) => [v.period, f.figure(v.value), f.difference(v.value, values[i - 1]?.value), [v.source, v.note].filter(Boolean).join(' — ')]),
        ),
      );
    }
  }

  if (facts.activities) {
    blocks.push(heading(sub, t('actionPlan')));
    if (!facts.activities.length) blocks.push(paragraph(t('none'), 'note'));
    else {
      blocks.push(
        table(
          [t('activity'), t('responsible'), t('deadline'), t('status')],
          facts.activities.map((a) => [
            `${a.code} ${a.title}`,
            a.responsibleInstitution,
            f.date(a.deadline),
            [t(`activity.${a.status}`), a.overdue ? t('overdue') : ''].filter(Boolean).join(' · '),
          ]),
        ),
      );
      for (const a of facts.activities.filter((x) => x.correctiveMeasures.length)) {
        blocks.push(paragraph(t('measures', { code: a.code }), 'bold'));
        for (const m of a.correctiveMeasures) {
          blocks.push(paragraph(t('measure.line', { what: m.what, responsible: m.responsible, due: f.date(m.dueDate), status: t(`measure.${m.status}`) })));
        }
      }
    }
  }

  if (facts.proposals) {
    blocks.push(heading(sub, t('proposals')));
    if (!facts.proposals.length) blocks.push(paragraph(t('none'), 'note'));
    for (const p of facts.proposals) {
      blocks.push(paragraph(t('proposal.by', { organisation: p.organisation, at: new Date(p.createdAt) }), 'bold'));
      blocks.push(p.text === null ? paragraph(t('proposal.hidden'), 'note') : paragraph(p.text));
      if (p.kind === 'proposal') {
        if (p.answer) {
          blocks.push(
            paragraph(t('proposal.answer', { decision: t(`decision.${p.answer.decision}`), at: new Date(p.answer.createdAt) }), 'bold'),
            paragraph(p.answer.reasoning),
          );
        } else {
          blocks.push(paragraph(t('proposal.unanswered'), 'note'));
        }
      }
      for (const r of p.replies) blocks.push(paragraph(`— ${r.organisation}: ${r.text ?? t('proposal.hidden')}`, 'note'));
    }
  }

  if (facts.missions) {
    blocks.push(heading(sub, t('missions')));
    if (!facts.missions.length) blocks.push(paragraph(t('none'), 'note'));
    for (const m of facts.missions) {
      blocks.push(paragraph(m.title, 'bold'));
      blocks.push(
        paragraph(
          t('mission.dates', { from: f.date(m.startDate), to: f.date(m.endDate), experts: m.experts.map((x) => x.displayName).join(', ') || '–' }),
          'note',
        ),
      );
      const finding = m.findings.find((x) => x.benchmarkId === b.id);
      if (finding) blocks.push(paragraph(`${t('mission.finding')}: ${finding.text}`));
      const recommendations = m.recommendations.filter((r) => r.benchmark.id === b.id);
      if (recommendations.length) {
        blocks.push(
          table(
            [t('recommendation'), t('owner'), t('due'), t('status'), t('followUp')],
            recommendations.map((r) => [r.text, r.owner, f.date(r.dueDate), t(`recommendation.${r.status}`), r.followUpNote]),
          ),
        );
      }
    }
  }
  return blocks;
}

/** The dossier's annex: the benchmark's history as its page shows it to this caller. */
export function historyAnnex(events: HistoryEventDto[], t: ReportWording, f: Formats): Block[] {
  const stateWord = (state: string) => ((BENCHMARK_STATES as readonly string[]).includes(state) ? t(`state.${state as BenchmarkState}`) : state);
  // A workflow event by its event, any other action by its name; one this document does not know yet as recorded.
  const actionWord = (e: HistoryEventDto) => {
    const key = `action.${e.event && e.action.startsWith('benchmark.') ? `benchmark.${e.event}` : e.action}`;
    return isReportText(key) ? t(key) : e.action;
  };
  return [
    heading(1, t('history')),
    events.length
      ? table(
          [t('when'), t('who'), t('what')],
          events.map((e) => [
            f.date(e.at),
            e.actor ?? '–',
            [actionWord(e), e.from && e.to ? `${stateWord(e.from)} → ${stateWord(e.to)}` : '', e.comment ?? ''].filter(Boolean).join(' · '),
          ]),
        )
      : paragraph(t('none'), 'note'),
  ];
}
