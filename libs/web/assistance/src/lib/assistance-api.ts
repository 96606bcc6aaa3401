import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AreaDto,
  AssistanceStatus,
  BenchmarkDetailDto,
  BenchmarkListItemDto,
  CreateProjectRequest,
  Page,
  ProjectDto,
  ProjectVersionDto,
  UpdateProjectRequest,
} from '@bt/contracts';
import { map, type Observable } from 'rxjs';

/** The filters of the projects page; an empty filter is not sent (the API refuses malformed ones). */
export interface ProjectFilters {
  readonly country: string;
  readonly area: string;
  readonly benchmark: string;
  readonly funder: string;
  readonly implementer: string;
  /** A year (2024) or years (2023-2025) the projects run in; sent only when well-formed. */
  readonly period: string;
  readonly status: AssistanceStatus | '';
}

/** A year or a span of years, as the API's `period` filter takes it. */
export const PERIOD = /^\d{4}(-\d{4})?$/;

@Injectable({ providedIn: 'root' })
export class AssistanceApi {
  private readonly http = inject(HttpClient);

  projects(filters: ProjectFilters): Observable<ProjectDto[]> {
    return this.http.get<ProjectDto[]>('/api/projects', { params: projectParams(filters) });
  }

  project(id: string): Observable<ProjectDto> {
    return this.http.get<ProjectDto>(`/api/projects/${encodeURIComponent(id)}`);
  }

  /** Every version of a project, newest first. */
  versions(id: string): Observable<ProjectVersionDto[]> {
    return this.http.get<ProjectVersionDto[]>(`/api/projects/${encodeURIComponent(id)}/versions`);
  }

  create(request: CreateProjectRequest): Observable<ProjectDto> {
    return this.http.post<ProjectDto>('/api/projects', request);
  }

  /** 409 when someone changed the project since `request.version`. */
  update(id: string, request: UpdateProjectRequest): Observable<ProjectDto> {
    return this.http.put<ProjectDto>(`/api/projects/${encodeURIComponent(id)}`, request);
  }

  areas(country: string): Observable<AreaDto[]> {
    return this.http.get<AreaDto[]>('/api/areas', { params: new HttpParams().set('country', country).set('chapter', 24) });
  }

  /** The country's Chapter 24 benchmarks a project can support (200 is the API's largest page). */
  benchmarks(country: string): Observable<BenchmarkListItemDto[]> {
    const params = new HttpParams().set('country', country).set('chapter', 24).set('pageSize', 200);
    return this.http.get<Page<BenchmarkListItemDto>>('/api/benchmarks', { params }).pipe(map((page) => page.items));
  }

  /** One benchmark with its sub-requirements. */
  benchmark(code: string): Observable<BenchmarkDetailDto> {
    return this.http.get<BenchmarkDetailDto>(`/api/benchmarks/${encodeURIComponent(code)}`);
  }
}

export function projectParams(filters: ProjectFilters): HttpParams {
  let params = new HttpParams();
  if (filters.country) params = params.set('country', filters.country);
  if (filters.area) params = params.set('area', filters.area);
  if (filters.benchmark.trim()) params = params.set('benchmark', filters.benchmark.trim().toUpperCase());
  if (filters.funder.trim()) params = params.set('funder', filters.funder.trim());
  if (filters.implementer.trim()) params = params.set('implementer', filters.implementer.trim());
  if (PERIOD.test(filters.period.trim())) params = params.set('period', filters.period.trim());
  if (filters.status) params = params.set('status', String(filters.status));
  return params;
}
