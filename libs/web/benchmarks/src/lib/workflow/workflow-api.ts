import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { HistoryEventDto, TransitionRequest, TransitionResultDto } from '@bt/contracts';
import type { Observable } from 'rxjs';

/*
 * The workflow calls of the API. The request classes of @bt/contracts are used as types only, so
 * class-validator stays out of the bundle.
 */
@Injectable({ providedIn: 'root' })
export class WorkflowApi {
  private readonly http = inject(HttpClient);

  /**
   * Fires an event with the version the caller saw: 403 not this caller's, 409 changed meanwhile or
   * not possible in this state, 422 a condition unmet (the message names it).
   */
  transition(benchmark: string, request: TransitionRequest): Observable<TransitionResultDto> {
    return this.http.post<TransitionResultDto>(`${benchmarkUrl(benchmark)}/transitions`, request);
  }

  /** The benchmark's audit events, oldest first (signed-in users). */
  history(benchmark: string): Observable<HistoryEventDto[]> {
    return this.http.get<HistoryEventDto[]>(`${benchmarkUrl(benchmark)}/history`);
  }
}

/** `/api/benchmarks/<code or id>`, escaped. */
export function benchmarkUrl(benchmark: string): string {
  return `/api/benchmarks/${encodeURIComponent(benchmark)}`;
}
