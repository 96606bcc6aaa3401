import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { BenchmarkDetailDto } from '@bt/contracts';
import { apiErrorMessage } from '@bt/web/identity';
import { BehaviorSubject, combineLatest, map } from 'rxjs';
import { BenchmarkStateChip } from '../benchmark-state-chip';
import { BenchmarksApi } from '../benchmarks-api';
import { LOADING, loadEach } from '../load-state';

/** One benchmark: its text, its area and its sub-requirements. */
@Component({
  selector: 'bt-benchmark-page',
  imports: [RouterLink, MatButton, MatIcon, MatProgressBar, BenchmarkStateChip],
  templateUrl: './benchmark-page.html',
  styleUrl: './benchmark-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BenchmarkPage {
  /** The `:code` route parameter (an id works too), bound by the router. */
  readonly code = input.required<string>();

  private readonly api = inject(BenchmarksApi);
  private readonly retries = new BehaviorSubject<void>(undefined);

  protected readonly benchmark = toSignal(
    combineLatest([toObservable(this.code), this.retries]).pipe(
      map(([code]) => code),
      loadEach((code: string) => this.api.get(code)),
    ),
    { initialValue: LOADING },
  );

  /** Hidden while loading, so the previous benchmark never shows under a new address. */
  protected readonly detail = computed<BenchmarkDetailDto | undefined>(() => {
    const state = this.benchmark();
    return state.loading ? undefined : state.value;
  });
  protected readonly notFound = computed(() => this.benchmark().error?.status === 404);
  protected readonly failed = computed(() => !!this.benchmark().error && !this.notFound());
  protected readonly errorDetail = computed(() => {
    const error = this.benchmark().error;
    return error ? apiErrorMessage(error) : null;
  });

  protected retry(): void {
    this.retries.next();
  }
}
