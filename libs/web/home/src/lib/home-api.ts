import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ActionPlanSummaryDto,
  BenchmarkListItemDto,
  ChapterFiguresDto,
  ConsiderationDto,
  ConsultationSummaryItemDto,
  MissionListItemDto,
  Page,
  TaskDto,
} from '@bt/contracts';
import type { Observable } from 'rxjs';

/** The reads the home page puts together; each domain answers by its own rules of who sees what. */
@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);

  tasks(): Observable<TaskDto[]> {
    return this.http.get<TaskDto[]>('/api/tasks');
  }

  figures(country: string, chapter: number): Observable<ChapterFiguresDto> {
    return this.http.get<ChapterFiguresDto>('/api/overview/figures', { params: new HttpParams().set('country', country).set('chapter', chapter) });
  }

  consideration(country: string, chapter: number): Observable<ConsiderationDto> {
    // One benchmark is enough: the page reads only the chapter's totals.
    return this.http.get<ConsiderationDto>('/api/consideration', {
      params: new HttpParams().set('country', country).set('chapter', chapter).set('pageSize', 1),
    });
  }

  actionPlanSummary(country: string): Observable<ActionPlanSummaryDto> {
    return this.http.get<ActionPlanSummaryDto>('/api/action-plan/summary', { params: new HttpParams().set('country', country) });
  }

  missions(): Observable<MissionListItemDto[]> {
    return this.http.get<MissionListItemDto[]>('/api/missions');
  }

  /** The chapter's benchmarks submitted to the Commission (the first page, in catalogue order). */
  underReview(country: string, chapter: number): Observable<Page<BenchmarkListItemDto>> {
    return this.http.get<Page<BenchmarkListItemDto>>('/api/benchmarks', {
      params: new HttpParams().set('country', country).set('chapter', chapter).set('state', 'submitted').set('pageSize', 10),
    });
  }

  consultations(): Observable<ConsultationSummaryItemDto[]> {
    return this.http.get<ConsultationSummaryItemDto[]>('/api/consultations');
  }
}
