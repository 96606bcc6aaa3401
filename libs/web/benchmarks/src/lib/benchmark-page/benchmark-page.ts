import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import type { BenchmarkDetailDto } from '@bt/contracts';
import { apiErrorMessage, AuthSession } from '@bt/web/identity';
import { BehaviorSubject, combineLatest, map } from 'rxjs';
import { BenchmarkStateChip } from '../benchmark-state-chip';
import { BenchmarksApi } from '../benchmarks-api';
import { CatalogueText } from './catalogue-text';
import { EvidenceSection } from '../evidence/evidence-section';
import { HistoryTimeline } from '../history/history-timeline';
import { LOADING, loadEach } from '../load-state';
import { MissionSection } from '../mission/mission-section';
import { AssessmentsPanel } from '../assessments/assessments-panel';
import { mayReadCountryRecords } from '../benchmark-participation';
import { DialogueTab } from '../dialogue/dialogue-tab';
import { SupportTab } from '../support/support-tab';
import { TrackRecordsSection } from '../track-records/track-records-section';
import { WorkflowPanel } from '../workflow/workflow-panel';

/**
 * One benchmark: its text, its area and its sub-requirements; for a signed-in user also its
 * workflow (where it stands, what they can do) and one tab per part of the work: evidence, the
 * civil-society dialogue, the peer-review mission and history. Whatever changes it reloads the
 * whole benchmark, and the open tab with it.
 */
/** The tabs of a benchmark page, also the values of its `?tab=` query parameter. */
export type BenchmarkTab = 'evidence' | 'track-records' | 'dialogue' | 'assessments' | 'support' | 'mission' | 'history';

@Component({
  selector: 'bt-benchmark-page',
  imports: [
    RouterLink,
    MatButton,
    MatIcon,
    MatProgressBar,
    MatTabGroup,
    MatTab,
    MatTabContent,
    BenchmarkStateChip,
    CatalogueText,
    WorkflowPanel,
    EvidenceSection,
    DialogueTab,
    TrackRecordsSection,
    AssessmentsPanel,
    SupportTab,
    MissionSection,
    HistoryTimeline,
  ],
  templateUrl: './benchmark-page.html',
  styleUrl: './benchmark-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BenchmarkPage {
  /** The `:code` route parameter (an id works too), bound by the router. */
  readonly code = input.required<string>();
  /** The `?tab=` query parameter: which tab is open. */
  readonly tab = input<string | undefined>();

  private readonly api = inject(BenchmarksApi);
  private readonly retries = new BehaviorSubject<void>(undefined);
  /** The workflow, evidence, proposals, mission and history are for signed-in users; the public sees the catalogue. */
  protected readonly signedIn = inject(AuthSession).signedIn;
  private readonly me = inject(AuthSession).me;

  protected readonly benchmark = toSignal(
    combineLatest([toObservable(this.code), this.retries]).pipe(
      map(([code]) => code),
      loadEach((code: string) => this.api.get(code)),
    ),
    { initialValue: LOADING },
  );

  /**
   * Hidden while another benchmark loads, so the previous one never shows under a new address;
   * kept on screen while the same one reloads, so the page does not flash after each change.
   */
  protected readonly detail = computed<BenchmarkDetailDto | undefined>(() => {
    const { loading, value } = this.benchmark();
    const code = this.code();
    return loading && value?.code !== code && value?.id !== code ? undefined : value;
  });
  protected readonly notFound = computed(() => this.benchmark().error?.status === 404);
  protected readonly failed = computed(() => !!this.benchmark().error && !this.notFound());
  protected readonly errorDetail = computed(() => {
    const error = this.benchmark().error;
    return error ? apiErrorMessage(error) : null;
  });

  /** The tabs this viewer has, in order (the public sees the catalogue only). */
  protected readonly tabs = computed<BenchmarkTab[]>(() => {
    const benchmark = this.detail();
    if (!benchmark) return [];
    // The public sees the published assessments and the assistance projects besides the catalogue.
    if (!this.signedIn()) return ['assessments', 'support'];
    const trackRecords = mayReadCountryRecords(this.me(), benchmark) ? (['track-records'] as const) : [];
    return ['evidence', ...trackRecords, 'dialogue', 'assessments', 'support', ...(benchmark.mission ? (['mission'] as const) : []), 'history'];
  });
  protected readonly tabLabels: Record<BenchmarkTab, string> = {
    evidence: $localize`:Tab of a benchmark page@@benchmark.tab.evidence:Evidence`,
    'track-records': $localize`:Tab of a benchmark page, indicator series with figures per year@@benchmark.tab.trackRecords:Track records`,
    dialogue: $localize`:Tab of a benchmark page, civil-society proposals and answers@@benchmark.tab.dialogue:Dialogue`,
    mission: $localize`:Tab of a benchmark page, the peer-review mission@@benchmark.tab.mission:Mission`,
    assessments: $localize`:Tab of a benchmark page, the Commission's, the ministry's and civil society's assessments@@benchmark.tab.assessments:Assessments`,
    history: $localize`:Tab of a benchmark page@@benchmark.tab.history:History`,
    support: $localize`:Tab of a benchmark page, the assistance projects that support the benchmark@@benchmark.tab.support:Support`,
  };
  protected readonly selectedTab = computed(() => Math.max(0, this.tabs().indexOf(this.tab() as BenchmarkTab)));
  private readonly router = inject(Router);

  protected openTab(index: number): void {
    const tab = this.tabs()[index];
    if (tab && tab !== this.tab()) void this.router.navigate([], { queryParams: { tab }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected retry(): void {
    this.retries.next();
  }

  /** Something on the benchmark changed (an event, evidence, a proposal, the report): load it again. */
  protected reload(): void {
    this.retries.next();
  }
}
