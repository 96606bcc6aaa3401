import type { Params } from '@angular/router';
import { type BenchmarkState, isBenchmarkState } from '@bt/workflow';

/** The filters of the benchmarks page, as they stand in the URL (`?q=&area=&state=`). */
export interface BenchmarkFilters {
  readonly q: string;
  readonly area: string | null;
  readonly state: BenchmarkState | null;
}

export const NO_FILTERS: BenchmarkFilters = { q: '', area: null, state: null };

const AREA_CODE = /^[A-Z]{2,5}$/;
const MAX_QUERY_LENGTH = 200;

/** Reads filters from query parameters; a hand-edited, malformed value is ignored rather than sent. */
export function parseBenchmarkFilters(params: { q?: string | null; area?: string | null; state?: string | null }): BenchmarkFilters {
  return {
    q: (params.q ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    area: params.area && AREA_CODE.test(params.area) ? params.area : null,
    state: isBenchmarkState(params.state) ? params.state : null,
  };
}

/** Query parameters for a merge navigation: an unset filter is removed from the URL. */
export function benchmarkFiltersToQueryParams(filters: Partial<BenchmarkFilters>): Params {
  const params: Params = {};
  if ('q' in filters) params['q'] = filters.q || null;
  if ('area' in filters) params['area'] = filters.area || null;
  if ('state' in filters) params['state'] = filters.state || null;
  return params;
}

export function sameBenchmarkFilters(a: BenchmarkFilters, b: BenchmarkFilters): boolean {
  return a.q === b.q && a.area === b.area && a.state === b.state;
}

export function hasBenchmarkFilters(filters: BenchmarkFilters): boolean {
  return !sameBenchmarkFilters(filters, NO_FILTERS);
}
