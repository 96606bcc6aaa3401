import type { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { BenchmarkListItemDto, Page } from '@bt/contracts';
import type { BenchmarkState } from '@bt/workflow';
import { LiveChanges } from '@bt/web/live';
import { BehaviorSubject, catchError, combineLatest, debounceTime, map, of, tap } from 'rxjs';
import { loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { BenchmarkStateChip } from '../benchmark-state-chip';
import { BENCHMARK_STATE_PRESENTATIONS } from '../benchmark-state-label';
import { BenchmarksApi } from '../benchmarks-api';
import { CATALOGUE_SCOPE } from '../catalogue-scope';
import {
  type BenchmarkFilters,
  benchmarkFiltersToQueryParams,
  hasBenchmarkFilters,
  NO_FILTERS,
  parseBenchmarkFilters,
  sameBenchmarkFilters,
} from './benchmark-filters';
import { groupByArea } from './group-by-area';

/** Benchmarks per page; "Show more" adds the next page below. */
export const BENCHMARKS_PAGE_SIZE = 50;
/** How long typing must pause before a search runs. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The benchmarks of the chapter, filtered by words, area and state, grouped by area. */
@Component({
  selector: 'bt-benchmarks-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatIcon,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    BenchmarkStateChip,
  ],
  templateUrl: './benchmarks-page.html',
  styleUrl: './benchmarks-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BenchmarksPage {
  // The URL's query parameters, bound by the router (withComponentInputBinding).
  readonly q = input<string>();
  readonly area = input<string>();
  readonly state = input<string>();

  private readonly api = inject(BenchmarksApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly scope = CATALOGUE_SCOPE;
  protected readonly states = BENCHMARK_STATE_PRESENTATIONS;

  protected readonly filters = computed(() => parseBenchmarkFilters({ q: this.q(), area: this.area(), state: this.state() }), { equal: sameBenchmarkFilters });
  protected readonly filtered = computed(() => hasBenchmarkFilters(this.filters()));

  protected readonly search = new FormControl('', { nonNullable: true });
  /** The search this page last wrote to (or read from) the URL; see the effect below. */
  private searchInUrl = '';

  /** The area filter's choices; without them the filter only offers "All areas". */
  protected readonly areas = toSignal(this.api.areas(this.scope).pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  private readonly retries = new BehaviorSubject<void>(undefined);
  /** The pages "Show more" added after the first, for the current filters. */
  private readonly morePages = signal<readonly Page<BenchmarkListItemDto>[]>([]);
  protected readonly loadingMore = signal(false);
  /** The API's explanation of a failed "Show more" ('' when it gave none); null: no failure. */
  protected readonly moreError = signal<string | null>(null);

  /** The first page for the current filters (new filters start again from it). */
  protected readonly list = toSignal(
    combineLatest([toObservable(this.filters), this.retries]).pipe(
      map(([filters]) => filters),
      tap(() => {
        this.morePages.set([]);
        this.moreError.set(null);
      }),
      loadEach((filters: BenchmarkFilters) =>
        this.api.list({ country: this.scope.country, chapter: this.scope.chapter, ...filters, pageSize: BENCHMARKS_PAGE_SIZE }),
      ),
    ),
    { initialValue: LOADING },
  );

  protected readonly items = computed(() => [...(this.list().value?.items ?? []), ...this.morePages().flatMap((page) => page.items)]);
  /** Where the next page starts; null when everything is shown. */
  protected readonly next = computed(() => {
    const more = this.morePages();
    return more.length ? more[more.length - 1].next : (this.list().value?.next ?? null);
  });
  protected readonly groups = computed(() => groupByArea(this.items(), this.areas()));
  protected readonly errorDetail = computed(() => {
    const error = this.list().error;
    return error ? apiErrorMessage(error) : null;
  });

  constructor() {
    // Live: a change to a benchmark loads the list again (its states and counts) — unless "Show more"
    // has added pages, which a reload would take away from under the reader.
    inject(LiveChanges)
      .reloads((change) => change.type === 'benchmark')
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        if (this.morePages().length === 0) this.retries.next();
      });
    // The URL leads: when it changes from outside (back, forward, a shared link), the search box
    // follows. A change this page made itself is skipped, so words typed since are not overwritten.
    effect(() => {
      const q = this.filters().q;
      untracked(() => {
        if (q !== this.searchInUrl) {
          this.searchInUrl = q;
          this.search.setValue(q, { emitEvent: false });
        }
      });
    });

    this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS), takeUntilDestroyed()).subscribe(() => this.applySearch());
  }

  /** Runs the search in the box now (Enter), or after the typing pause. */
  protected applySearch(event?: Event): void {
    event?.preventDefault();
    const q = this.search.value.trim();
    if (q !== this.filters().q) {
      this.searchInUrl = q;
      this.setFilters({ q });
    }
  }

  protected selectArea(area: string): void {
    this.setFilters({ area: area || null });
  }

  protected selectState(state: BenchmarkState | ''): void {
    this.setFilters({ state: state || null });
  }

  protected clearFilters(): void {
    this.searchInUrl = '';
    this.search.setValue('', { emitEvent: false });
    this.setFilters(NO_FILTERS);
  }

  protected retry(): void {
    this.retries.next();
  }

  /** Adds the next page below; an answer for filters that changed meanwhile is dropped. */
  protected showMore(): void {
    const after = this.next();
    if (!after || this.loadingMore()) return;
    const filters = this.filters();
    this.loadingMore.set(true);
    this.moreError.set(null);
    this.api.list({ country: this.scope.country, chapter: this.scope.chapter, ...filters, after, pageSize: BENCHMARKS_PAGE_SIZE }).subscribe({
      next: (page) => {
        this.loadingMore.set(false);
        if (sameBenchmarkFilters(filters, this.filters())) this.morePages.update((pages) => [...pages, page]);
      },
      error: (error: HttpErrorResponse) => {
        this.loadingMore.set(false);
        this.moreError.set(apiErrorMessage(error) ?? '');
      },
    });
  }

  /** Each change is a history entry, so back returns to the previous filters. */
  private setFilters(filters: Partial<BenchmarkFilters>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: benchmarkFiltersToQueryParams(filters),
      queryParamsHandling: 'merge',
    });
  }
}
