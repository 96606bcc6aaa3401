import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ActionActivityDto,
  ActionPlanSummaryDto,
  ActivityProgressNoteDto,
  ActivityStatus,
  AreaDto,
  BenchmarkListItemDto,
  CorrectiveMeasureDto,
  CorrectiveMeasureRequest,
  CorrectiveMeasureStatus,
  CreateActivityRequest,
  Page,
  RecommendationMeasureDto,
} from '@bt/contracts';
import { map, type Observable } from 'rxjs';

/** The filters of the Action Plan page; an empty filter is not sent (the API refuses empty parameters). */
export interface ActionPlanFilters {
  readonly country: string;
  readonly area: string;
  readonly benchmark: string;
  readonly status: ActivityStatus | '';
  readonly institution: string;
  readonly overdueOnly: boolean;
}

@Injectable({ providedIn: 'root' })
export class ActionPlanApi {
  private readonly http = inject(HttpClient);

  activities(filters: ActionPlanFilters): Observable<ActionActivityDto[]> {
    return this.http.get<ActionActivityDto[]>('/api/action-plan/activities', { params: this.params(filters) });
  }

  /** The corrective measures made of peer-review recommendations, by country, area and benchmark (the other filters are an activity's). */
  recommendationMeasures(filters: ActionPlanFilters): Observable<RecommendationMeasureDto[]> {
    const params = this.params({ ...filters, status: '', institution: '', overdueOnly: false });
    return this.http.get<RecommendationMeasureDto[]>('/api/action-plan/recommendation-measures', { params });
  }

  /** The same list as an XLSX sheet (a plain link: the browser downloads it with the session cookie). */
  exportUrl(filters: ActionPlanFilters): string {
    const query = this.params(filters).toString();
    return `/api/action-plan/activities.xlsx${query ? `?${query}` : ''}`;
  }

  private params(filters: ActionPlanFilters): HttpParams {
    let params = new HttpParams();
    if (filters.country) params = params.set('country', filters.country);
    if (filters.area) params = params.set('area', filters.area);
    if (filters.benchmark.trim()) params = params.set('benchmark', filters.benchmark.trim().toUpperCase());
    if (filters.status) params = params.set('status', filters.status);
    if (filters.institution.trim()) params = params.set('institution', filters.institution.trim());
    if (filters.overdueOnly) params = params.set('overdue', 'true');
    return params;
  }

  summary(country: string): Observable<ActionPlanSummaryDto> {
    const params = country ? new HttpParams().set('country', country) : new HttpParams();
    return this.http.get<ActionPlanSummaryDto>('/api/action-plan/summary', { params });
  }

  areas(country: string): Observable<AreaDto[]> {
    return this.http.get<AreaDto[]>('/api/areas', { params: new HttpParams().set('country', country).set('chapter', 24) });
  }

  /** The country's Chapter 24 benchmarks an activity can be planned under (200 is the API's largest page). */
  benchmarks(country: string): Observable<BenchmarkListItemDto[]> {
    const params = new HttpParams().set('country', country).set('chapter', 24).set('pageSize', 200);
    return this.http.get<Page<BenchmarkListItemDto>>('/api/benchmarks', { params }).pipe(map((page) => page.items));
  }

  /** Ministry of the benchmark's country only; 409 when the benchmark already has an activity with this code. */
  createActivity(benchmarkId: string, request: CreateActivityRequest): Observable<ActionActivityDto> {
    return this.http.post<ActionActivityDto>(`/api/benchmarks/${encodeURIComponent(benchmarkId)}/activities`, request);
  }

  /** 409 when someone changed the activity since `version`. */
  setStatus(activity: ActionActivityDto, status: ActivityStatus): Observable<ActionActivityDto> {
    return this.http.patch<ActionActivityDto>(`/api/activities/${encodeURIComponent(activity.id)}`, { version: activity.version, status });
  }

  addNote(activityId: string, text: string): Observable<ActivityProgressNoteDto> {
    return this.http.post<ActivityProgressNoteDto>(`/api/activities/${encodeURIComponent(activityId)}/progress-notes`, { text });
  }

  /** 422 while the activity is not overdue. */
  addMeasure(activityId: string, request: CorrectiveMeasureRequest): Observable<CorrectiveMeasureDto> {
    return this.http.post<CorrectiveMeasureDto>(`/api/activities/${encodeURIComponent(activityId)}/corrective-measures`, request);
  }

  setMeasureStatus(measureId: string, status: CorrectiveMeasureStatus): Observable<CorrectiveMeasureDto> {
    return this.http.patch<CorrectiveMeasureDto>(`/api/corrective-measures/${encodeURIComponent(measureId)}`, { status });
  }
}
