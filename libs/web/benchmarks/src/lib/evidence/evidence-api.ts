import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateEvidenceRequest, EvidenceDto } from '@bt/contracts';
import type { Observable } from 'rxjs';
import { benchmarkUrl } from '../workflow/workflow-api';

/** A benchmark's evidence: what the caller may see, and a new item (ministry of the country, drafts only). */
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
}
