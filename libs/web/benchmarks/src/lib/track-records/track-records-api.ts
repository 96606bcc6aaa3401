import { HttpClient, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateTrackRecordSeriesRequest, TrackRecordImportResultDto, TrackRecordSeriesDto, TrackRecordValueRequest } from '@bt/contracts';
import type { Observable } from 'rxjs';
import { benchmarkUrl } from '../workflow/workflow-api';

/** A benchmark's track records: the series, a figure at a time or a sheet's import, and the XLSX downloads. */
@Injectable({ providedIn: 'root' })
export class TrackRecordsApi {
  private readonly http = inject(HttpClient);

  list(benchmark: string): Observable<TrackRecordSeriesDto[]> {
    return this.http.get<TrackRecordSeriesDto[]>(`${benchmarkUrl(benchmark)}/track-records`);
  }

  createSeries(benchmark: string, request: CreateTrackRecordSeriesRequest): Observable<TrackRecordSeriesDto> {
    return this.http.post<TrackRecordSeriesDto>(`${benchmarkUrl(benchmark)}/track-records`, request);
  }

  /** Sets (or corrects) the figure of one period; answers the series. */
  putValue(seriesId: string, period: string, request: TrackRecordValueRequest): Observable<TrackRecordSeriesDto> {
    return this.http.put<TrackRecordSeriesDto>(`/api/track-records/${encodeURIComponent(seriesId)}/values/${encodeURIComponent(period)}`, request);
  }

  /** Uploads a sheet (XLSX or CSV) with upload progress; 422 carries the per-row report and nothing was written. */
  import(benchmark: string, file: File): Observable<HttpEvent<TrackRecordImportResultDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<TrackRecordImportResultDto>(`${benchmarkUrl(benchmark)}/track-records/import`, body, { reportProgress: true, observe: 'events' });
  }

  exportUrl(benchmark: string): string {
    return `${benchmarkUrl(benchmark)}/track-records.xlsx`;
  }

  templateUrl(benchmark: string): string {
    return `${benchmarkUrl(benchmark)}/track-records/template.xlsx`;
  }
}
