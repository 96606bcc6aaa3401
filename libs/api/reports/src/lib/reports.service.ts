import type { Readable } from 'node:stream';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ActionPlanService } from '@bt/api/action-plan';
import { AssessmentsService } from '@bt/api/assessments';
import { BenchmarkHistoryService, BenchmarkWorkflowService } from '@bt/api/benchmarks';
import { Refusal, refuse } from '@bt/api/core';
import { ConsultationsService } from '@bt/api/consultations';
import { ConsiderationService, ProposalsService } from '@bt/api/dialogue';
import { EvidenceService } from '@bt/api/evidence';
import { hasRole, UsersService, type Viewer } from '@bt/api/identity';
import { MissionsService } from '@bt/api/missions';
import { TrackRecordsService } from '@bt/api/track-records';
import type { ActionActivityDto, ChapterOverviewDto, ChapterReportQuery, ConsiderationFigures, MissionDetailDto, MissionListItemDto, RecommendationDto } from '@bt/contracts';
import type { Language } from '@bt/i18n';
import type { PreparationGrade, ProgressGrade } from '@bt/workflow';
import { type BenchmarkFacts, benchmarkSection, Formats, historyAnnex } from './benchmark-section';
import { type Block, heading, MEDIA_TYPES, paragraph, type ReportDocument, type ReportFormat, table } from './report-document';
import { countryName, reportTexts, type ReportWording } from './report-texts';
import { renderDocx } from './docx-renderer';
import { renderPdf } from './pdf-renderer';
import { consultationDocument } from './consultation-document';

export interface RenderedReport {
  fileName: string;
  mediaType: string;
  /** A PDF as PDFKit's stream; a Word document whole (docx zips it in memory and has no stream). */
  body: Buffer | Readable;
}

/**
 * The documents that leave the product, built from live data as the caller may see it: every part
 * is read through the service of the domain that owns it, with the caller as the viewer, so the
 * document shows exactly what that domain's pages show them and no rule is written twice here.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly workflow: BenchmarkWorkflowService,
    private readonly histories: BenchmarkHistoryService,
    private readonly assessments: AssessmentsService,
    private readonly evidence: EvidenceService,
    private readonly trackRecords: TrackRecordsService,
    private readonly actionPlan: ActionPlanService,
    private readonly proposals: ProposalsService,
    private readonly consideration: ConsiderationService,
    private readonly missions: MissionsService,
    private readonly users: UsersService,
    private readonly consultations: ConsultationsService,
  ) {}

  /** The reader's language: the one asked for, else the signed-in person's, else English. */
  async languageFor(viewer: Viewer | null, asked: Language | undefined): Promise<Language> {
    return asked ?? (viewer ? await this.users.languageOf(viewer.userId) : null) ?? 'en';
  }

  /** `GET /api/benchmarks/:id/report`: one benchmark, everything the caller may see of it, its history in an annex. */
  async benchmarkDossier(viewer: Viewer | null, benchmarkRef: string, format: ReportFormat, language: Language, now = new Date()): Promise<RenderedReport> {
    const t = reportTexts(language);
    const f = new Formats(language);
    const benchmark = await this.workflow.page(viewer, benchmarkRef); // 404 for an unknown benchmark
    const facts = await this.benchmarkFacts(viewer, benchmark.id, new CountryReads(this.actionPlan, this.missions, viewer, { benchmark: benchmark.code }), true);
    const period = facts.assessments.periods[0]?.period ?? String(now.getUTCFullYear());
    const blocks: Block[] = [
      { kind: 'title', text: t('dossier.title', { code: benchmark.code }), subtitle: `${benchmark.area.title}` },
      this.versionNote(viewer, t),
      { kind: 'contents', title: t('contents') },
      { kind: 'pageBreak' },
      ...benchmarkSection(facts, t, f, 1, true),
      ...(facts.history ? historyAnnex(facts.history, t, f) : []),
    ];
    return render(
      { title: t('dossier.title', { code: benchmark.code }), language, footer: this.footer(viewer, t, period, now), blocks },
      `${benchmark.code}-dossier`,
      format,
    );
  }

  /**
   * `GET /api/reports/chapter`: a cover and a summary of the chapter for the period (benchmarks per
   * state and area, the three assessments side by side, overdue activities, the consideration of
   * civil-society proposals, open recommendations), then each benchmark as the dossier has it.
   */
  async chapterReport(viewer: Viewer | null, query: Pick<ChapterReportQuery, 'country' | 'chapter' | 'period' | 'format'>, language: Language, now = new Date()): Promise<RenderedReport> {
    const t = reportTexts(language);
    const f = new Formats(language);
    const rows = await this.overviewRows(viewer, query.country, query.chapter, query.period);
    if (!rows.length) throw refuse.notFound('request.not-found', { details: `no benchmarks in chapter ${query.chapter} of ${query.country}` });
    const reads = new CountryReads(this.actionPlan, this.missions, viewer, { country: query.country });
    const facts = await inTurns(rows, 4, (row) => this.benchmarkFacts(viewer, row.benchmark.id, reads, false));
    const consideration = await this.consideration.figures({ country: query.country, chapter: query.chapter, pageSize: 1 });
    const title = t('chapter.title', { chapter: query.chapter });
    const blocks: Block[] = [
      { kind: 'title', text: title, subtitle: t('chapter.subtitle', { country: countryName(t, query.country), period: query.period }) },
      ...(query.country === 'XK' ? [paragraph(t('country.XK.footnote'), 'note')] : []),
      this.versionNote(viewer, t),
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
    return render({ title, language, footer: this.footer(viewer, t, query.period, now), blocks }, `${query.country}-${query.chapter}-${query.period}-progress-report`, query.format);
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

  /** `GET /api/consultations/:id/report`: a written consultation as the Council note lays it out, as far as the caller may see it (404 otherwise). */
  async consultationReport(viewer: Viewer | null, id: string, format: ReportFormat, language: Language, now = new Date()): Promise<RenderedReport> {
    const t = reportTexts(language);
    const consultation = await this.consultations.get(viewer, id);
    const footer = t('footer.consultation', { at: now, by: viewer ? viewer.displayName : t('anonymous') });
    const name = (consultation.reference || consultation.title).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'consultation';
    return render({ title: consultation.title, language, footer, blocks: consultationDocument(consultation, t) }, `consultation-${name}`, format);
  }

  /** Everything the caller may see of one benchmark; `reads` shares the reads a chapter's benchmarks have in common. */
  async benchmarkFacts(viewer: Viewer | null, benchmarkId: string, reads: CountryReads, withHistory: boolean): Promise<BenchmarkFacts> {
    const [benchmark, assessments, evidence] = await Promise.all([
      this.workflow.page(viewer, benchmarkId),
      this.assessments.ofBenchmark(viewer, benchmarkId),
      this.evidence.list(viewer, benchmarkId),
    ]);
    if (!viewer) return { benchmark, assessments, evidence, trackRecords: null, activities: null, proposals: null, missions: null, history: null };
    const [trackRecords, proposals, history, missions] = await Promise.all([
      unlessNotFound(this.trackRecords.list(viewer, benchmarkId)),
      unlessNotFound(this.proposals.list(viewer, benchmarkId)),
      withHistory ? this.histories.history(viewer, benchmarkId) : null,
      reads.missionsOf(benchmarkId),
    ]);
    // The Action Plan follows the track records' reading rule (country-records-access.ts): whoever may not read one sees neither.
    const activities = trackRecords ? await reads.activitiesOf(benchmarkId) : null;
    return { benchmark, assessments, evidence, trackRecords, activities, proposals, missions: missions.length ? missions : null, history };
  }

  versionNote(viewer: Viewer | null, t: ReportWording): Block {
    return paragraph(viewer ? t('caller.version', { name: viewer.displayName }) : t('public.version'), 'note');
  }

  footer(viewer: Viewer | null, t: ReportWording, period: string, now: Date): string {
    return t('footer', { period, at: now, by: viewer ? viewer.displayName : t('anonymous') });
  }
}

/**
 * The reads a chapter's benchmarks share, made once per document: the caller's Action Plan
 * activities of the country (or of the one benchmark) and the missions the caller sees.
 */
export class CountryReads {
  private activities?: Promise<Map<string, ActionActivityDto[]>>;
  private missionList?: Promise<MissionListItemDto[]>;
  private readonly missionPages = new Map<string, Promise<MissionDetailDto>>();

  constructor(
    private readonly actionPlan: ActionPlanService,
    private readonly missions: MissionsService,
    private readonly viewer: Viewer | null,
    private readonly filter: { country?: string; benchmark?: string },
  ) {}

  async activitiesOf(benchmarkId: string): Promise<ActionActivityDto[]> {
    const viewer = this.viewer;
    if (!viewer) return [];
    this.activities ??= this.actionPlan.list(viewer, this.filter).then((all) => {
      const byBenchmark = new Map<string, ActionActivityDto[]>();
      for (const a of all) byBenchmark.set(a.benchmarkId, [...(byBenchmark.get(a.benchmarkId) ?? []), a]);
      return byBenchmark;
    });
    return (await this.activities).get(benchmarkId) ?? [];
  }

  /** The missions on this benchmark the caller sees, each as its page shows it to them (a host sees recommendations once the report is shared). */
  async missionsOf(benchmarkId: string): Promise<MissionDetailDto[]> {
    const viewer = this.viewer;
    if (!viewer) return [];
    this.missionList ??= this.missions.list(viewer);
    const on = (await this.missionList).filter((m) => m.benchmarks.some((b) => b.id === benchmarkId));
    return Promise.all(
      on.map((m) => {
        const page = this.missionPages.get(m.id) ?? this.missions.detail(viewer, m.id);
        this.missionPages.set(m.id, page);
        return page;
      }),
    );
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
function chapterSummary(t: ReportWording, f: Formats, period: string, rows: ChapterOverviewDto['rows'], facts: BenchmarkFacts[], consideration: ConsiderationFigures, seesMissions: boolean): Block[] {
  const blocks: Block[] = [heading(1, t('summary'))];
  const states = ['draft', 'submitted', 'peerReview', 'accepted'] as const;
  blocks.push(heading(2, t('summary.states')));
  blocks.push(table([...states.map((s) => t(`state.${s}`)), t('total')], [[...states.map((s) => String(rows.filter((r) => r.benchmark.state === s).length)), String(rows.length)]]));
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
          assessed.map((r) => [r.benchmark.code, words(r.commission), words(r.ministry), r.civilSociety.map((c) => `${c.organisation}: ${words(c)}`).join('\n') || '–']),
        )
      : paragraph(t('none'), 'note'),
  );

  const activities = facts.flatMap((x) => x.activities ?? []);
  if (facts.some((x) => x.activities)) {
    blocks.push(heading(2, t('summary.overdue')));
    const overdue = activities.filter((a) => a.overdue);
    blocks.push(
      overdue.length
        ? table([t('benchmark'), t('activity'), t('responsible'), t('deadline')], overdue.map((a) => [a.benchmarkCode, `${a.code} ${a.title}`, a.responsibleInstitution, f.date(a.deadline)]))
        : paragraph(t('none'), 'note'),
    );
  }

  blocks.push(heading(2, t('summary.consideration')));
  blocks.push(
    table(
      [t('received'), t('answered'), t('consideration.accepted'), t('consideration.partlyAccepted'), t('consideration.notAccepted'), t('medianDays')],
      [[consideration.received, consideration.answered, consideration.accepted, consideration.partlyAccepted, consideration.notAccepted].map(String).concat(consideration.medianDaysToAnswer === null ? '–' : f.figure(consideration.medianDaysToAnswer))],
    ),
  );

  if (seesMissions || facts.some((x) => x.missions)) {
    blocks.push(heading(2, t('summary.recommendations')));
    const seen = new Map<string, RecommendationDto>();
    for (const x of facts) {
      for (const m of x.missions ?? []) for (const r of m.recommendations) if (r.benchmark.id === x.benchmark.id && (r.status === 'open' || r.status === 'in_progress')) seen.set(r.id, r);
    }
    const open = [...seen.values()];
    blocks.push(
      open.length
        ? table([t('benchmark'), t('recommendation'), t('owner'), t('due'), t('status')], open.map((r) => [r.benchmark.code, r.text, r.owner, f.date(r.dueDate), t(`recommendation.${r.status}`)]))
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

/** A part the caller may not see (its domain answers 404): left out of the document. */
async function unlessNotFound<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof Refusal && error.getStatus() === HttpStatus.NOT_FOUND) return null;
    throw error;
  }
}

export async function render(document: ReportDocument, baseName: string, format: ReportFormat): Promise<RenderedReport> {
  const body = format === 'docx' ? await renderDocx(document) : await renderPdf(document);
  return { fileName: `${baseName}.${format}`, mediaType: MEDIA_TYPES[format], body };
}
