import type { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { tap } from 'rxjs';
import type { ChapterOverviewDto } from '@bt/contracts';
import { BenchmarkStateChip, CATALOGUE_SCOPE, GradeBadge, voiceLabel } from '@bt/web/benchmarks';
import { DocumentDownload } from '@bt/web/identity';
import { inSteps, loadEach, LOADING } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { OverviewApi } from '../overview-api';
import { PeriodField } from './period-field';

type Row = ChapterOverviewDto['rows'][number];

/**
 * A chapter's benchmarks × the three assessments of a period, as a grid: every grade is a colour, a
 * pattern, a step number and words, so it reads in colour, in grey and to a screen reader (a real
 * table with row and column headers). Public: everyone sees what is published to them.
 */
@Component({
  selector: 'bt-chapter-overview-page',
  imports: [RouterLink, MatButton, MatProgressBar, PeriodField, GradeBadge, BenchmarkStateChip, DocumentDownload],
  templateUrl: './chapter-overview-page.html',
  styleUrl: './chapter-overview-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChapterOverviewPage {
  /** The `?period=` query parameter; the latest period with an assessment when absent. */
  readonly period = input<string | undefined>();

  private readonly api = inject(OverviewApi);
  private readonly router = inject(Router);
  protected readonly scope = CATALOGUE_SCOPE;
  protected readonly voice = voiceLabel;

  /** The rows "Show more" added after the first page, for the period shown. */
  private readonly moreRows = signal<{ rows: readonly Row[]; next: string | null } | null>(null);
  protected readonly loadingMore = signal(false);
  /** The API's explanation of a failed "Show more" ('' when it gave none); null: no failure. */
  protected readonly moreError = signal<string | null>(null);

  protected readonly overview = toSignal(
    toObservable(this.period).pipe(
      tap(() => {
        this.moreRows.set(null);
        this.moreError.set(null);
      }),
      loadEach((period: string | undefined) => this.api.overview(this.scope.country, this.scope.chapter, period)),
    ),
    { initialValue: LOADING },
  );
  /** Where the next rows start; null when the chapter is shown to its end. */
  protected readonly next = computed(() => {
    const more = this.moreRows();
    return more ? more.next : (this.overview().value?.next ?? null);
  });
  /** The rows loaded, rendered a few at a time (each row is a dozen components: one long task otherwise). */
  private readonly rows = inSteps(computed(() => [...(this.overview().value?.rows ?? []), ...(this.moreRows()?.rows ?? [])]));
  /** Rows grouped by area, in catalogue order. */
  protected readonly areas = computed(() => {
    const groups: { code: string; title: string; rows: Row[] }[] = [];
    for (const row of this.rows()) {
      const last = groups.at(-1);
      if (last?.code === row.benchmark.area) last.rows.push(row);
      else groups.push({ code: row.benchmark.area, title: row.benchmark.areaTitle, rows: [row] });
    }
    return groups;
  });
  protected readonly errorDetail = computed(() => {
    const error = this.overview().error;
    return error ? apiErrorMessage(error) : null;
  });

  /** Adds the next rows below, for the period shown; an answer for a period changed meanwhile is dropped. */
  protected showMore(): void {
    const after = this.next();
    const period = this.overview().value?.period;
    if (!after || !period || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    this.api.overview(this.scope.country, this.scope.chapter, period, after).subscribe({
      next: (page) => {
        this.loadingMore.set(false);
        if (this.overview().value?.period === page.period) this.moreRows.update((more) => ({ rows: [...(more?.rows ?? []), ...page.rows], next: page.next }));
      },
      error: (error: HttpErrorResponse) => {
        this.loadingMore.set(false);
        this.moreError.set(apiErrorMessage(error) ?? '');
      },
    });
  }

  /** The reader clicked the period field's look-alike or pressed a key on it: Material's field replaces it, open. */
  protected readonly periodWanted = signal(false);
  protected readonly periodOpen = signal(false);

  protected askPeriod(): void {
    this.periodOpen.set(true);
    this.periodWanted.set(true);
  }

  /** The arrows open Material's select too (Enter and Space click the button). */
  protected periodKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    this.askPeriod();
  }

  protected choosePeriod(period: string): void {
    void this.router.navigate([], { queryParams: { period }, queryParamsHandling: 'merge' });
  }
}
