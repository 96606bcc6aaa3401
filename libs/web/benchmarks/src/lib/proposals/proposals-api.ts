import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateProposalRequest, ProposalDto, ProposalResponseRequest } from '@bt/contracts';
import type { Observable } from 'rxjs';
import { benchmarkUrl } from '../workflow/workflow-api';

/** Civil-society proposals on a benchmark and the ministry's reasoned answers. */
@Injectable({ providedIn: 'root' })
export class ProposalsApi {
  private readonly http = inject(HttpClient);

  /** 404 for a caller who takes no part in the benchmark's dialogue. */
  list(benchmark: string): Observable<ProposalDto[]> {
    return this.http.get<ProposalDto[]>(`${benchmarkUrl(benchmark)}/proposals`);
  }

  /** The civil society of the benchmark's country, or the Commission. */
  create(benchmark: string, request: CreateProposalRequest): Observable<ProposalDto> {
    return this.http.post<ProposalDto>(`${benchmarkUrl(benchmark)}/proposals`, request);
  }

  /** The ministry of the benchmark's country; answering again adds a new version of the answer. */
  respond(proposalId: string, request: ProposalResponseRequest): Observable<ProposalDto> {
    return this.http.post<ProposalDto>(`/api/proposals/${encodeURIComponent(proposalId)}/response`, request);
  }
}
