import { NgTemplateOutlet } from '@angular/common';
import { ApplicationRef, ChangeDetectionStrategy, ChangeDetectorRef, Component, computed, ElementRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';
import type { BenchmarkDetailDto, LiveChangeDto } from '@bt/contracts';
import { AuthSession, DocumentDownload } from '@bt/web/identity';
import { LiveChanges } from '@bt/web/live';
import { BehaviorSubject, catchError, combineLatest, EMPTY, filter, map, type Observable, switchMap, take, tap } from 'rxjs';
import { loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { BenchmarkStateChip } from '../benchmark-state-chip';
import { BenchmarksApi } from '../benchmarks-api';
import { CatalogueText } from './catalogue-text';
import { EvidenceSection } from '../evidence/evidence-section';
import { HistoryTimeline } from '../history/history-timeline';
import { historyEntryLabel } from '../history/history-labels';
import { WorkflowApi } from '../workflow/workflow-api';
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
    NgTemplateOutlet,
    RouterLink,
    MatButton,
    MatIconButton,
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
    DocumentDownload,
  ],
  templateUrl: './benchmark-page.html',
  styleUrl: './benchmark-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:keydown)': 'printOnCtrlP($event)', '(window:afterprint)': 'printed()' },
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
    // The public sees the published assessments, the evidence made public and the assistance projects besides the catalogue.
    if (!this.signedIn()) return ['assessments', 'evidence', 'support'];
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

  /**
   * Printing gives the whole page: the tabs load their content only when opened, so the Print button
   * (and Ctrl+P, which it takes over here) first puts every tab's content on the page, one after
   * another (on paper only), waits until each has loaded what it shows (no request pending; 20 s at
   * most), opens the folded parts (earlier answers, sources) and then asks the browser to print.
   * The browser's own menu prints as the page stands: the open tab.
   */
  protected readonly printing = signal(false);
  /** Every tab's content has loaded: on paper it stands in place of the tabs. */
  protected readonly printReady = signal(false);
  private readonly application = inject(ApplicationRef);
  private readonly changeDetector = inject(ChangeDetectorRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected async printWhole(): Promise<void> {
    if (this.printing() || !this.detail()) return;
    this.printing.set(true);
    await this.settled(Date.now() + 20_000);
    if (!this.printing()) return;
    for (const folded of this.host.nativeElement.querySelectorAll<HTMLDetailsElement>('.benchmark__whole details')) folded.open = true;
    this.printReady.set(true);
    // On the page before the browser takes its picture of it.
    this.changeDetector.detectChanges();
    window.print();
  }

  /**
   * Until nothing is pending (requests, chart modules) and the copy for paper has not changed for a
   * moment — what is drawn after layout (a chart sized by a ResizeObserver, its bars growing) comes
   * a frame or more after the app is stable — or until the deadline, with what has come.
   */
  private async settled(deadline: number): Promise<void> {
    const until = (ms: number) => new Promise<void>((done) => setTimeout(done, Math.max(0, Math.min(ms, deadline - Date.now()))));
    let changed = true;
    const observer = new MutationObserver(() => (changed = true));
    try {
      while (changed && Date.now() < deadline) {
        await Promise.race([this.application.whenStable(), until(deadline - Date.now())]);
        const copy = this.host.nativeElement.querySelector('.benchmark__whole');
        if (copy) observer.observe(copy, { subtree: true, childList: true, attributes: true, characterData: true });
        changed = false;
        await until(200);
      }
    } finally {
      observer.disconnect();
    }
  }

  protected printOnCtrlP(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p') {
      event.preventDefault();
      void this.printWhole();
    }
  }

  /** The print dialog closed: back to the tabs alone. */
  protected printed(): void {
    this.printReady.set(false);
    this.printing.set(false);
  }

  protected retry(): void {
    this.retries.next();
  }

  /** Something on the benchmark changed (an event, evidence, a proposal, the report): load it again. */
  protected reload(): void {
    this.retries.next();
  }

  private readonly dialogs = inject(MatDialog);
  private readonly workflow = inject(WorkflowApi);
  /** What someone else changed while the page was open ("Submitted to the Commission by … just now"). */
  protected readonly liveNotice = signal<string | null>(null);

  constructor() {
    // Live: a change someone else made to this benchmark or its mission loads the page again — but
    // never under an open dialog, which keeps what the user is typing; then the page says so and
    // loads again once the dialogs are closed.
    const live = inject(LiveChanges);
    live.changes$
      .pipe(
        filter((change) => this.concerns(change)),
        tap(() => this.reloadWhenNoDialog()),
        // Only the latest change is named, whatever order the histories come back in.
        switchMap((change) => this.noticeOf(change)),
        takeUntilDestroyed(),
      )
      .subscribe((notice) => this.liveNotice.set(notice));
    live.resync$.pipe(takeUntilDestroyed()).subscribe(() => this.reloadWhenNoDialog());
  }

  protected dismissLiveNotice(): void {
    this.liveNotice.set(null);
  }

  private concerns(change: LiveChangeDto): boolean {
    const benchmark = this.detail();
    if (!benchmark || (change.by !== null && change.by === this.me()?.id)) return false;
    return (change.type === 'benchmark' && change.id === benchmark.id) || (change.type === 'mission' && change.id === benchmark.mission?.id);
  }

  /** The change by its history entry, when this reader may see it; else in general words. */
  private noticeOf(change: LiveChangeDto): Observable<string> {
    const waiting = this.dialogs.openDialogs.length > 0;
    return this.workflow.history(this.detail()?.code ?? change.id).pipe(
      map((history) => {
        const entry = history.find((e) => e.id === change.event);
        const what = entry?.actor
          ? $localize`:Notice on a benchmark page when someone else changed it; label is a history entry such as "Submitted to the Commission"@@benchmark.live.changedBy:${historyEntryLabel(entry)}:label: by ${entry.actor}:actor: just now.`
          : $localize`:Notice on a benchmark page when someone else changed it@@benchmark.live.changed:This benchmark was just changed by someone else.`;
        return waiting
          ? `${what} ${$localize`:Notice on a benchmark page, after a change made while a dialog was open@@benchmark.live.afterDialog:The page shows it once you close the dialog.`}`
          : what;
      }),
      catchError(() => EMPTY),
    );
  }

  private reloadAfterDialogs = false;

  private reloadWhenNoDialog(): void {
    if (this.dialogs.openDialogs.length === 0) this.reload();
    else if (!this.reloadAfterDialogs) {
      this.reloadAfterDialogs = true;
      this.dialogs.afterAllClosed.pipe(take(1)).subscribe(() => {
        this.reloadAfterDialogs = false;
        this.reload();
      });
    }
  }
}
