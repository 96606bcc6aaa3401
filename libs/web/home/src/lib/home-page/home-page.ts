import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { catchError, forkJoin, map, type Observable, of, startWith } from 'rxjs';
import type {
  ActionPlanSummaryDto,
  BenchmarkListItemDto,
  ChapterFiguresDto,
  ConsiderationFigures,
  ConsultationSummaryItemDto,
  InboxItemDto,
  MissionListItemDto,
  Page,
} from '@bt/contracts';
import { PREPARATION_GRADES, BENCHMARK_STATES, type BenchmarkState } from '@bt/workflow';
import { BenchmarkStateChip, CATALOGUE_SCOPE, benchmarkStateLabel, preparationLabel, voiceLabel } from '@bt/web/benchmarks';
import { BarChart, type ChartMeaning, type ChartSeries } from '@bt/web/charts';
// The shell's entry, not the whole library: its refusal texts and dialogs are not for the first page.
import { AuthSession } from '@bt/web/identity/shell';
import { InboxApi } from '@bt/web/inbox';
import { groupTasks, inboxLink, inboxTitle, type TaskGroup } from '@bt/web/tasks';
import { DisplayDatePipe } from '@bt/web/ui';
import { HomeApi } from '../home-api';

/** What waits for the signed-in reader: their tasks, what is new in their inbox, deadlines, missions, consultations. */
interface Now {
  readonly groups: readonly TaskGroup[];
  readonly unread: readonly InboxItemDto[];
  readonly deadlines: readonly InboxItemDto[];
  readonly missions: readonly MissionListItemDto[];
  readonly consultations: readonly ConsultationSummaryItemDto[];
  /** The Commission's: mission reports submitted and not yet shared with the host ministry. */
  readonly reportsToShare: readonly MissionListItemDto[];
  /** A civil-society organisation's: its country's benchmarks now before the Commission, where its comments count. */
  readonly underReview: readonly BenchmarkListItemDto[];
}

/** The chapter at a glance; a part the reader may not see (or that failed) is null and left out. */
interface Glance {
  readonly figures: ChapterFiguresDto | null;
  readonly consideration: ConsiderationFigures | null;
  readonly actionPlan: ActionPlanSummaryDto | null;
}

/** Each state's colour on the chart by what it means, as on every chart: accepted is the good outcome, a draft not yet sent. */
const STATE_MEANINGS: Record<BenchmarkState, ChartMeaning> = { draft: 'pending', submitted: 'total', peerReview: 'partial', accepted: 'positive' };

/** How many of each list the home page shows before "see all". */
const SHOWN = 5;

/** A part that cannot be read (not the reader's, or failing) is simply not shown: the home page is a summary of pages that say why. */
const orNull = <T>(source: Observable<T>): Observable<T | null> => source.pipe(catchError(() => of(null)));

/**
 * The home page, per role: "what needs me now" first — the ministry's changes requested and drafts,
 * proposals to answer, deadlines; the Commission's submissions to review and missions; an expert's
 * missions and reports; a CSO's answers and open consultations — then, for everyone (the public
 * included), the chapter's progress as figures and charts, each chart with its table.
 */
@Component({
  selector: 'bt-home-page',
  imports: [RouterLink, MatIcon, MatProgressBar, BarChart, BenchmarkStateChip, DisplayDatePipe],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  private readonly api = inject(HomeApi);
  private readonly inboxApi = inject(InboxApi);
  private readonly session = inject(AuthSession);
  protected readonly scope = CATALOGUE_SCOPE;
  protected readonly me = this.session.me;
  protected readonly shown = SHOWN;
  protected readonly inboxTitle = inboxTitle;
  protected readonly link = inboxLink;

  /** Null while loading; for a visitor, nothing waits. */
  protected readonly now = toSignal<Now | null>(
    this.session.signedIn()
      ? forkJoin({
          tasks: orNull(this.api.tasks()),
          inbox: orNull(this.inboxApi.inbox()),
          missions:
            this.session.hasRole('commission') || this.session.hasRole('expert') || this.session.hasRole('ministry') ? orNull(this.api.missions()) : of(null),
          consultations: orNull(this.api.consultations()),
          underReview: this.session.hasRole('civil_society') ? orNull(this.api.underReview(this.scope.country, this.scope.chapter)) : of(null),
        }).pipe(
          map((loaded) => toNow(loaded, today(), { sharesReports: this.session.hasRole('commission') })),
          startWith(null),
        )
      : of(null),
    { initialValue: null },
  );

  protected readonly glance = toSignal<Glance | null>(
    forkJoin({
      figures: orNull(this.api.figures(this.scope.country, this.scope.chapter)),
      consideration: orNull(this.api.consideration(this.scope.country, this.scope.chapter).pipe(map((c) => c.total))),
      actionPlan: this.session.signedIn() ? orNull(this.api.actionPlanSummary(this.scope.country)) : of(null),
    }).pipe(startWith(null)),
    { initialValue: null },
  );

  protected readonly nothingWaits = computed(() => {
    const now = this.now();
    return (
      !!now &&
      !now.groups.length &&
      !now.unread.length &&
      !now.deadlines.length &&
      !now.missions.length &&
      !now.consultations.length &&
      !now.reportsToShare.length &&
      !now.underReview.length
    );
  });

  /** Benchmarks per state over the whole chapter, in the workflow's order. */
  protected readonly stateTotals = computed(() => {
    const areas = this.glance()?.figures?.areas ?? [];
    return BENCHMARK_STATES.map((state) => ({ state, count: areas.reduce((sum, area) => sum + area.states[state], 0) }));
  });
  protected readonly benchmarkTotal = computed(() => this.stateTotals().reduce((sum, s) => sum + s.count, 0));

  protected readonly stateChart = computed(() => {
    const areas = this.glance()?.figures?.areas ?? [];
    return {
      categories: areas.map((area) => area.title),
      series: BENCHMARK_STATES.map(
        (state): ChartSeries => ({ name: benchmarkStateLabel(state), meaning: STATE_MEANINGS[state], values: areas.map((area) => area.states[state]) }),
      ),
    };
  });

  /** The voices' grades of preparation: only the grades someone gives, lowest first. */
  protected readonly gradeChart = computed(() => {
    const voices = this.glance()?.figures?.voices ?? [];
    const grades = PREPARATION_GRADES.filter((grade) => voices.some((v) => v.preparation[grade]));
    return {
      categories: grades.map((grade) => preparationLabel(grade)),
      series: voices.map((v): ChartSeries => ({ name: voiceLabel(v.voice), values: grades.map((grade) => v.preparation[grade] ?? 0) })),
    };
  });

  protected readonly stateLabel = (state: BenchmarkState) => benchmarkStateLabel(state);

  protected gradeCaption(period: string): string {
    return $localize`:Caption of the chart of each voice's grades; the reporting period follows@@home.chart.grades:State of preparation in ${period}:period:, as each voice grades it`;
  }
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * What waits, from what could be read: task groups in working order; unread inbox items, newest
 * first; coming deadlines (unread or not), soonest first; missions not yet over, soonest first;
 * consultations open for replies, nearest deadline first; for the Commission, reports to share, oldest
 * mission first; for civil society, the benchmarks before the Commission, in catalogue order.
 */
export function toNow(
  loaded: {
    tasks: Parameters<typeof groupTasks>[0] | null;
    inbox: { items: InboxItemDto[] } | null;
    missions: MissionListItemDto[] | null;
    consultations: ConsultationSummaryItemDto[] | null;
    underReview?: Page<BenchmarkListItemDto> | null;
  },
  onDay: string,
  { sharesReports = false } = {},
): Now {
  const items = loaded.inbox?.items ?? [];
  const byDeadline = (a: string | null | undefined, b: string | null | undefined) => (a ?? '9999').localeCompare(b ?? '9999');
  return {
    groups: groupTasks(loaded.tasks ?? []),
    unread: items
      .filter((item) => item.unread && !item.dueAt)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, SHOWN),
    deadlines: items
      .filter((item) => item.dueAt && item.dueAt.slice(0, 10) >= onDay)
      .sort((a, b) => byDeadline(a.dueAt, b.dueAt))
      .slice(0, SHOWN),
    missions: (loaded.missions ?? [])
      .filter((mission) => mission.endDate >= onDay)
      .sort((a, b) => a.startDate.localeCompare(b.startDate))
      .slice(0, SHOWN),
    consultations: (loaded.consultations ?? [])
      .filter((consultation) => consultation.state === 'open')
      .sort((a, b) => byDeadline(a.deadline, b.deadline))
      .slice(0, SHOWN),
    reportsToShare: sharesReports
      ? (loaded.missions ?? [])
          .filter((mission) => mission.reportSubmitted && !mission.reportShared)
          .sort((a, b) => a.endDate.localeCompare(b.endDate))
          .slice(0, SHOWN)
      : [],
    underReview: (loaded.underReview?.items ?? []).slice(0, SHOWN),
  };
}
