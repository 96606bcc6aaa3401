import { HttpClient, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ExpertDto, MissionDto } from '@bt/contracts';
import type { Observable } from 'rxjs';

/** The peer-review mission calls of the API: the experts to assign, and the report upload. */
@Injectable({ providedIn: 'root' })
export class MissionsApi {
  private readonly http = inject(HttpClient);

  /** The experts the Commission can assign to a mission (Commission only). */
  experts(): Observable<ExpertDto[]> {
    return this.http.get<ExpertDto[]>('/api/experts');
  }

  /**
   * Uploads the mission report as the multipart field `file`, reporting upload progress along the
   * way (the app's HttpClient uses the XHR backend for this; fetch reports no upload progress).
   * 413 too large, 415 not a PDF, DOCX or ODT document.
   */
  uploadReport(missionId: string, file: File): Observable<HttpEvent<MissionDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<MissionDto>(`/api/missions/${encodeURIComponent(missionId)}/report`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }
}
