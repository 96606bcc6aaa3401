import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { SearchGroupDto, SearchHitDto, SearchKind, SearchResultDto } from '@bt/contracts';
import { SEARCH_PAGE_SIZE } from '@bt/contracts/values';
import { combineLatest, filter, map } from 'rxjs';
import { loadEach, type LoadState } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { SearchApi } from '../search-api';
import { kindLabel, resultLink } from '../search-kinds';

/** `/search?q=…[&kind=…&page=…]`: the results the user may see, grouped by kind, matches marked. */
@Component({
  selector: 'bt-search-page',
  imports: [RouterLink, MatButton, MatProgressBar],
  templateUrl: './search-page.html',
  styleUrl: './search-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchPage {
  /** Query parameters, bound by the router. */
  readonly q = input<string>('');
  readonly kind = input<SearchKind | undefined>(undefined);
  readonly page = input<string | undefined>(undefined);

  private readonly api = inject(SearchApi);
  protected readonly pageNumber = computed(() => Math.max(1, Number(this.page()) || 1));
  protected readonly results = toSignal(
    combineLatest([toObservable(this.q), toObservable(this.kind), toObservable(this.pageNumber)]).pipe(
      map(([q, kind, page]) => ({ q: (q ?? '').trim(), kind, page })),
      filter((request) => !!request.q),
      loadEach((request: { q: string; kind?: SearchKind; page: number }) => this.api.search(request)),
    ),
    { initialValue: { loading: false, value: undefined, error: undefined } as LoadState<SearchResultDto> },
  );
  protected readonly groups = computed<SearchGroupDto[]>(() => this.results().value?.groups ?? []);
  protected readonly total = computed(() => this.groups().reduce((sum, g) => sum + g.total, 0));
  protected readonly errorDetail = computed(() => {
    const error = this.results().error;
    return error ? apiErrorMessage(error) : null;
  });
  /** Results per group and page, as the API gives them. */
  protected readonly pageSize = SEARCH_PAGE_SIZE;
  protected readonly kindLabel = kindLabel;

  protected link(hit: SearchHitDto) {
    return resultLink(hit.kind, hit.benchmarkCode);
  }
}
