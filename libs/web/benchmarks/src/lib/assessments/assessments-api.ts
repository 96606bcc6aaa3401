import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AssessmentDto, BenchmarkAssessmentsDto, RecordAssessmentRequest } from '@bt/contracts';
import type { Observable } from 'rxjs';
import { benchmarkUrl } from '../workflow/workflow-api';

/** The three voices on a benchmark: the Commission's assessment, the ministry's self-assessment, CSOs' shadow assessments. */
@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  /** What the caller may see (the public: published assessments). */
  list(benchmark: string): Observable<BenchmarkAssessmentsDto> {
    return this.http.get<BenchmarkAssessmentsDto>(`${benchmarkUrl(benchmark)}/assessments`);
  }

  /** An assessment in the caller's own voice. */
  record(benchmark: string, request: RecordAssessmentRequest): Observable<AssessmentDto> {
    return this.http.post<AssessmentDto>(`${benchmarkUrl(benchmark)}/assessments`, request);
  }
}
