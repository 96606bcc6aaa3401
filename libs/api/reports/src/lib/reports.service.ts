import type { Readable } from 'node:stream';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ActionPlanService } from '@bt/api/action-plan';
import { AssessmentsService } from '@bt/api/assessments';
import { BenchmarkHistoryService, BenchmarkWorkflowService } from '@bt/api/benchmarks';
import { Refusal } from '@bt/api/core';
import { ConsultationsService } from '@bt/api/consultations';
import { ProposalsService } from '@bt/api/dialogue';
import { EvidenceService } from '@bt/api/evidence';
import { UsersService, type Viewer } from '@bt/api/identity';
import { MissionsService } from '@bt/api/missions';
import { TrackRecordsService } from '@bt/api/track-records';
import type { ActionActivityDto, MissionDetailDto, MissionListItemDto } from '@bt/contracts';
import type { Language } from '@bt/i18n';
import { type BenchmarkFacts, benchmarkSection, Formats, historyAnnex } from './benchmark-section';
import { type Block, MEDIA_TYPES, paragraph, type ReportDocument, type ReportFormat } from './report-document';
import { reportTexts, type ReportWording } from './report-texts';
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
 * This service makes the reads every document shares (the reader's language, a benchmark's facts,
 * a country's Action Plan and missions once per document) and the benchmark dossier and the
 * consultation document; the chapter report is ChapterReportService's.
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
    const facts = await this.benchmarkFacts(viewer, benchmark.id, this.countryReads(viewer, { benchmark: benchmark.code }), true);
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

  /** `GET /api/consultations/:id/report`: a written consultation as the Council note lays it out, as far as the caller may see it (404 otherwise). */
  async consultationReport(viewer: Viewer | null, id: string, format: ReportFormat, language: Language, now = new Date()): Promise<RenderedReport> {
    const t = reportTexts(language);
    const consultation = await this.consultations.get(viewer, id);
    const footer = t('footer.consultation', { at: now, by: viewer ? viewer.displayName : t('anonymous') });
    const name =
      (consultation.reference || consultation.title)
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'consultation';
    return render({ title: consultation.title, language, footer, blocks: consultationDocument(consultation, t) }, `consultation-${name}`, format);
  }

  /** The reads the benchmarks of one document share: the caller's Action Plan activities of the country (or of the one benchmark), the missions the caller sees. */
  countryReads(viewer: Viewer | null, filter: { country?: string; benchmark?: string }): CountryReads {
    return new CountryReads(this.actionPlan, this.missions, viewer, filter);
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
