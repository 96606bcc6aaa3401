import { HttpClient, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateEvidenceRequest, EvidenceDto, EvidenceVersionDto, UpdateEvidenceRequest } from '@bt/contracts';
import type { Observable } from 'rxjs';
import { benchmarkUrl } from '../workflow/workflow-api';

const evidenceUrl = (id: string) => `/api/evidence/${encodeURIComponent(id)}`;

/** A benchmark's evidence: what the caller may see, and changes by the ministry of the country while it is a draft. */
@Injectable({ providedIn: 'root' })
export class EvidenceApi {
  private readonly http = inject(HttpClient);

  list(benchmark: string): Observable<EvidenceDto[]> {
    return this.http.get<EvidenceDto[]>(`${benchmarkUrl(benchmark)}/evidence`);
  }

  /** 409 once the benchmark is no longer a draft. */
  create(benchmark: string, request: CreateEvidenceRequest): Observable<EvidenceDto> {
    return this.http.post<EvidenceDto>(`${benchmarkUrl(benchmark)}/evidence`, request);
  }

  /** A new version; 409 when `version` is no longer the current one, or the benchmark is not a draft. */
  update(id: string, request: UpdateEvidenceRequest): Observable<EvidenceDto> {
    return this.http.patch<EvidenceDto>(evidenceUrl(id), request);
  }

  versions(id: string): Observable<EvidenceVersionDto[]> {
    return this.http.get<EvidenceVersionDto[]>(`${evidenceUrl(id)}/versions`);
  }

  /** Uploads a file as the multipart field `file`, with upload progress (413 too large, 415 not an accepted kind, 422 empty). */
  addFile(id: string, file: File): Observable<HttpEvent<EvidenceDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<EvidenceDto>(`${evidenceUrl(id)}/files`, body, { reportProgress: true, observe: 'events' });
  }

  removeFile(id: string, fileId: string): Observable<EvidenceDto> {
    return this.http.delete<EvidenceDto>(`${evidenceUrl(id)}/files/${encodeURIComponent(fileId)}`);
  }
}

/** Where a file of an evidence item downloads from (the API sends it as an attachment). */
export function evidenceFileUrl(evidenceId: string, fileId: string): string {
  return `${evidenceUrl(evidenceId)}/files/${encodeURIComponent(fileId)}`;
}
