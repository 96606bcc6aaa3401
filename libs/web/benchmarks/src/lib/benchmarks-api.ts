import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AreaDto, BenchmarkDetailDto, BenchmarkListItemDto, Page } from '@bt/contracts';
import type { BenchmarkState } from '@bt/workflow';
import type { Observable } from 'rxjs';

export interface CatalogueScopeQuery {
  country: string;
  chapter: number;
}

export interface BenchmarkListRequest extends CatalogueScopeQuery {
  area?: string | null;
  state?: BenchmarkState | null;
  q?: string | null;
  /** The `next` of the page before: the page after it. */
  after?: string | null;
  pageSize?: number;
}

/** The catalogue calls of the API: areas, the benchmark list and one benchmark. */
@Injectable({ providedIn: 'root' })
export class BenchmarksApi {
  private readonly http = inject(HttpClient);

  /** The areas of one country's chapter, in their catalogue order. */
  areas(scope: CatalogueScopeQuery): Observable<AreaDto[]> {
    const params = new HttpParams().set('country', scope.country).set('chapter', scope.chapter);
    return this.http.get<AreaDto[]>('/api/areas', { params });
  }

  /** A page of the list, in catalogue order; each benchmark with an excerpt of its text. */
  list(request: BenchmarkListRequest): Observable<Page<BenchmarkListItemDto>> {
    let params = new HttpParams().set('country', request.country).set('chapter', request.chapter);
    // The API refuses empty parameters, so a filter that is not set is not sent at all.
    if (request.area) params = params.set('area', request.area);
    if (request.state) params = params.set('state', request.state);
    if (request.q?.trim()) params = params.set('q', request.q.trim());
    if (request.after) params = params.set('after', request.after);
    if (request.pageSize !== undefined) params = params.set('pageSize', request.pageSize);
    return this.http.get<Page<BenchmarkListItemDto>>('/api/benchmarks', { params });
  }

  /** One benchmark by its id or its code (e.g. `RS-24-MIG-02`); answers 404 when unknown. */
  get(idOrCode: string): Observable<BenchmarkDetailDto> {
    return this.http.get<BenchmarkDetailDto>(`/api/benchmarks/${encodeURIComponent(idOrCode)}`);
  }
}
