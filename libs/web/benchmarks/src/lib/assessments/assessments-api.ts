import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AssessmentDto, BenchmarkAssessmentsDto, ProjectDto, RecordAssessmentRequest } from '@bt/contracts';
import { map, type Observable } from 'rxjs';
import { benchmarkUrl } from '../workflow/workflow-api';

/** The three voices on a benchmark: the Commission's assessment, the ministry's self-assessment, CSOs' shadow assessments. */
@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  /** What the caller may see (the public: published assessments). */
  list(benchmark: string): Observable<BenchmarkAssessmentsDto> {
    return this.http.get<BenchmarkAssessmentsDto>(`${benchmarkUrl(benchmark)}/assessments`);
  }

  /** The assistance projects of a country that an organisation implements: those its shadow assessment may cite. */
  citableProjects(country: string, organisationId: string): Observable<{ id: string; title: string }[]> {
    return this.http
      .get<ProjectDto[]>('/api/projects', { params: new HttpParams().set('country', country) })
      .pipe(
        map((projects) =>
          projects
            .filter((p) => p.participants.some((x) => x.role === 'implementing' && x.organisationId === organisationId))
            .map((p) => ({ id: p.id, title: p.title })),
        ),
      );
  }

  /** An assessment in the caller's own voice. */
  record(benchmark: string, request: RecordAssessmentRequest): Observable<AssessmentDto> {
    return this.http.post<AssessmentDto>(`${benchmarkUrl(benchmark)}/assessments`, request);
  }
}
