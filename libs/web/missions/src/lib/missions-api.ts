import { HttpClient, type HttpEvent, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  BenchmarkListItemDto,
  EvidenceDto,
  ExpertDto,
  MissionDetailDto,
  MissionListItemDto,
  MissionMeetingRequest,
  Page,
  RecommendationDto,
  RecommendationStatus,
  UpdateMissionRequest,
} from '@bt/contracts';
import { map, type Observable } from 'rxjs';

/** The peer-review mission calls of the API. */
@Injectable({ providedIn: 'root' })
export class MissionsPagesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<MissionListItemDto[]> {
    return this.http.get<MissionListItemDto[]>('/api/missions');
  }

  get(id: string): Observable<MissionDetailDto> {
    return this.http.get<MissionDetailDto>(`/api/missions/${encodeURIComponent(id)}`);
  }

  experts(): Observable<ExpertDto[]> {
    return this.http.get<ExpertDto[]>('/api/experts');
  }

  create(plan: { title: string; benchmarks: string[]; startDate: string; endDate: string; expertIds: string[] }): Observable<MissionDetailDto> {
    return this.http.post<MissionDetailDto>('/api/missions', plan);
  }

  /** Corrects a planned mission (the Commission): only the fields given change. */
  update(id: string, correction: UpdateMissionRequest): Observable<MissionDetailDto> {
    return this.http.patch<MissionDetailDto>(`/api/missions/${encodeURIComponent(id)}`, correction);
  }

  /** The benchmarks of a country, to choose a mission's scope from. */
  benchmarks(country: string): Observable<BenchmarkListItemDto[]> {
    const params = new HttpParams().set('country', country).set('pageSize', 200);
    return this.http.get<Page<BenchmarkListItemDto>>('/api/benchmarks', { params }).pipe(map((page) => page.items));
  }

  addMeeting(id: string, meeting: MissionMeetingRequest): Observable<MissionDetailDto> {
    return this.http.post<MissionDetailDto>(`/api/missions/${encodeURIComponent(id)}/meetings`, meeting);
  }

  correctMeeting(id: string, meetingId: string, meeting: MissionMeetingRequest): Observable<MissionDetailDto> {
    return this.http.put<MissionDetailDto>(`/api/missions/${encodeURIComponent(id)}/meetings/${encodeURIComponent(meetingId)}`, meeting);
  }

  removeMeeting(id: string, meetingId: string): Observable<void> {
    return this.http.delete<void>(`/api/missions/${encodeURIComponent(id)}/meetings/${encodeURIComponent(meetingId)}`);
  }

  saveFinding(id: string, benchmark: string, text: string): Observable<MissionDetailDto> {
    return this.http.put<MissionDetailDto>(`/api/missions/${encodeURIComponent(id)}/findings/${encodeURIComponent(benchmark)}`, { text });
  }

  addRecommendation(id: string, recommendation: { benchmark: string; text: string; owner: string; dueDate: string }): Observable<RecommendationDto> {
    return this.http.post<RecommendationDto>(`/api/missions/${encodeURIComponent(id)}/recommendations`, recommendation);
  }

  followUp(id: string, followUp: { status?: RecommendationStatus; followUpNote?: string; evidenceIds?: string[] }): Observable<RecommendationDto> {
    return this.http.patch<RecommendationDto>(`/api/recommendations/${encodeURIComponent(id)}`, followUp);
  }

  toCorrectiveMeasure(id: string): Observable<RecommendationDto> {
    return this.http.post<RecommendationDto>(`/api/recommendations/${encodeURIComponent(id)}/corrective-measure`, {});
  }

  share(id: string): Observable<MissionDetailDto> {
    return this.http.post<MissionDetailDto>(`/api/missions/${encodeURIComponent(id)}/report/share`, {});
  }

  /** Uploads the report or the terms of reference (multipart `file`), with upload progress. */
  upload(id: string, what: 'report' | 'terms-of-reference', file: File): Observable<HttpEvent<unknown>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post(`/api/missions/${encodeURIComponent(id)}/${what}`, body, { reportProgress: true, observe: 'events' });
  }

  evidence(benchmark: string): Observable<EvidenceDto[]> {
    return this.http.get<EvidenceDto[]>(`/api/benchmarks/${encodeURIComponent(benchmark)}/evidence`);
  }
}
