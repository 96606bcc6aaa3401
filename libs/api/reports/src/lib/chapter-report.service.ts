import { Injectable } from '@nestjs/common';
import { ChapterAssessmentsService } from '@bt/api/assessments';
import { refuse } from '@bt/api/core';
import { ConsiderationService } from '@bt/api/dialogue';
import { hasRole, type Viewer } from '@bt/api/identity';
import type { ChapterOverviewDto, ChapterReportQuery, ConsiderationFigures, RecommendationDto } from '@bt/contracts';
import type { Language } from '@bt/i18n';
import type { PreparationGrade, ProgressGrade } from '@bt/workflow';
import { type BenchmarkFacts, benchmarkSection, Formats } from './benchmark-section';
import { type Block, heading, paragraph, table } from './report-document';
import { countryName, reportTexts, type ReportWording } from './report-texts';
import { type RenderedReport, render, ReportsService } from './reports.service';

/** The chapter progress report: a cover and a one-page summary of the chapter for the period, then every benchmark as the dossier has it. */
@Injectable()
export class ChapterReportService {
  constructor(
    private readonly reports: ReportsService,
    private readonly assessments: ChapterAssessmentsService,
    private readonly consideration: ConsiderationService,
  ) {}

  /**
   * `GET /api/reports/chapter`: a cover and a summary of the chapter for the period (benchmarks per
   * state and area, the three assessments side by side, overdue activities, the consideration of
   * civil-society proposals, open recommendations), then each benchmark as the dossier has it.
   */
  async chapterReport(
    viewer: Viewer | null,
    query: Pick<ChapterReportQuery, 'country' | 'chapter' | 'period' | 'format'>,
    language: Language,
    now = new Date(),
  ): Promise<RenderedReport> {
    const t = reportTexts(language);
    const f = new Formats(language);
    const rows = await this.overviewRows(viewer, query.country, query.chapter, query.period);
    if (!rows.length) throw refuse.notFound('request.not-found', { details: `no benchmarks in chapter ${query.chapter} of ${query.country}` });
    const reads = this.reports.countryReads(viewer, { country: query.country });
    const facts = await inTurns(rows, 4, (row) => this.reports.benchmarkFacts(viewer, row.benchmark.id, reads, false));
    const consideration = await this.consideration.figures({ country: query.country, chapter: query.chapter, pageSize: 1 });
    const title = t('chapter.title', { chapter: query.chapter });
    const blocks: Block[] = [
      { kind: 'title', text: title, subtitle: t('chapter.subtitle', { country: countryName(t, query.country), period: query.period }) },
      ...(query.country === 'XK' ? [paragraph(t('country.XK.footnote'), 'note')] : []),
      this.reports.versionNote(viewer, t),
      { kind: 'contents', title: t('contents') },
      { kind: 'pageBreak' },
      ...chapterSummary(t, f, query.period, rows, facts, consideration.total, seesCountryMissions(viewer, query.country)),
      { kind: 'pageBreak' },
    ];
    let area = '';
    for (const [i, row] of rows.entries()) {
      if (row.benchmark.area !== area) {
        area = row.benchmark.area;
        blocks.push(heading(1, row.benchmark.areaTitle));
      }
      blocks.push(...benchmarkSection(facts[i], t, f, 2, false));
    }
    return render(
      { title, language, footer: this.reports.footer(viewer, t, query.period, now), blocks },
      `${query.country}-${query.chapter}-${query.period}-progress-report`,
      query.format,
    );
  }

  /** The chapter's benchmarks in catalogue order with the three voices of the period, as the chapter overview shows them to the caller. */
  private async overviewRows(viewer: Viewer | null, country: string, chapter: number, period: string): Promise<ChapterOverviewDto['rows']> {
    const rows: ChapterOverviewDto['rows'] = [];
    let after: string | undefined;
    do {
      const page = await this.assessments.overview(viewer, { country, chapter: String(chapter), period, after, pageSize: 200 });
      rows.push(...page.rows);
      after = page.next ?? undefined;
    } while (after);
    return rows;
  }
}

/** Whether the caller sees every mission to the country (mission-access.ts): the Commission, and the country's ministries. */
function seesCountryMissions(viewer: Viewer | null, country: string): boolean {
  return hasRole(viewer, 'commission') || (hasRole(viewer, 'ministry') && viewer?.countryCode === country);
}

/**
 * The chapter report's summary, on one page as far as the chapter allows. Open recommendations: for
 * whoever sees the country's missions ("None." when there are none), else those of the missions the
 * caller sees (an expert's), else nothing.
 */
function chapterSummary(
  t: ReportWording,
  f: Formats,
  period: string,
  rows: ChapterOverviewDto['rows'],
  facts: BenchmarkFacts[],
  consideration: ConsiderationFigures,
  seesMissions: boolean,
): Block[] {
  const blocks: Block[] = [heading(1, t('summary'))];
  const states = ['draft', 'submitted', 'peerReview', 'accepted'] as const;
  blocks.push(heading(2, t('summary.states')));
  blocks.push(
    table(
      [...states.map((s) => t(`state.${s}`)), t('total')],
      [[...states.map((s) => String(rows.filter((r) => r.benchmark.state === s).length)), String(rows.length)]],
    ),
  );
  blocks.push(heading(2, t('summary.areas')));
  const areas = [...new Map(rows.map((r) => [r.benchmark.area, r.benchmark.areaTitle])).entries()];
  blocks.push(
    table(
      [t('area'), ...states.map((s) => t(`state.${s}`)), t('total')],
      areas.map(([code, title]) => {
        const of = rows.filter((r) => r.benchmark.area === code);
        return [title, ...states.map((s) => String(of.filter((r) => r.benchmark.state === s).length)), String(of.length)];
      }),
    ),
  );

  blocks.push(heading(2, t('summary.assessments', { period })));
  const words = (a: { preparation: PreparationGrade; progress: ProgressGrade } | null) =>
    a ? t('grade', { preparation: t(`preparation.${a.preparation}`), progress: t(`progress.${a.progress}`) }) : '–';
  const assessed = rows.filter((r) => r.commission || r.ministry || r.civilSociety.length);
  blocks.push(
    assessed.length
      ? table(
          [t('benchmark'), t('voice.commission'), t('voice.ministry'), t('voice.civil_society', { organisation: '…' })],
          assessed.map((r) => [
            r.benchmark.code,
            words(r.commission),
            words(r.ministry),
            r.civilSociety.map((c) => `${c.organisation}: ${words(c)}`).join('\n') || '–',
          ]),
        )
      : paragraph(t('none'), 'note'),
  );

  const activities = facts.flatMap((x) => x.activities ?? []);
  if (facts.some((x) => x.activities)) {
    blocks.push(heading(2, t('summary.overdue')));
    const overdue = activities.filter((a) => a.overdue);
    blocks.push(
      overdue.length
        ? table(
            [t('benchmark'), t('activity'), t('responsible'), t('deadline')],
            overdue.map((a) => [a.benchmarkCode, `${a.code} ${a.title}`, a.responsibleInstitution, f.date(a.deadline)]),
          )
        : paragraph(t('none'), 'note'),
    );
  }

  blocks.push(heading(2, t('summary.consideration')));
  blocks.push(
    table(
      [t('received'), t('answered'), t('consideration.accepted'), t('consideration.partlyAccepted'), t('consideration.notAccepted'), t('medianDays')],
      [
        [consideration.received, consideration.answered, consideration.accepted, consideration.partlyAccepted, consideration.notAccepted]
          .map(String)
          .concat(consideration.medianDaysToAnswer === null ? '–' : f.figure(consideration.medianDaysToAnswer)),
      ],
    ),
  );

  if (seesMissions || facts.some((x) => x.missions)) {
    blocks.push(heading(2, t('summary.recommendations')));
    const seen = new Map<string, RecommendationDto>();
    for (const x of facts) {
      for (const m of x.missions ?? [])
        for (const r of m.recommendations) if (r.benchmark.id === x.benchmark.id && (r.status === 'open' || r.status === 'in_progress')) seen.set(r.id, r);
    }
    const open = [...seen.values()];
    blocks.push(
      open.length
        ? table(
            [t('benchmark'), t('recommendation'), t('owner'), t('due'), t('status')],
            open.map((r) => [r.benchmark.code, r.text, r.owner, f.date(r.dueDate), t(`recommendation.${r.status}`)]),
          )
        : paragraph(t('none'), 'note'),
    );
  }
  return blocks;
}

/** `work` over `items`, at most `lanes` at once, results in order: a chapter's benchmarks read side by side without taking every connection. */
async function inTurns<T, R>(items: T[], lanes: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}
