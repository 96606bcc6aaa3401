import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateProposalRequest, HideProposalRequest, ProposalDto, ProposalResponseRequest } from '@bt/contracts';
import type { Observable } from 'rxjs';
import { benchmarkUrl } from '../workflow/workflow-api';

/** The civil-society dialogue on a benchmark: threads, the ministry's reasoned answers, moderation. */
@Injectable({ providedIn: 'root' })
export class DialogueApi {
  private readonly http = inject(HttpClient);

  /** The threads, oldest first; 404 for a caller who takes no part in the benchmark's dialogue. */
  list(benchmark: string, answered?: boolean): Observable<ProposalDto[]> {
    const params = answered === undefined ? new HttpParams() : new HttpParams().set('answered', String(answered));
    return this.http.get<ProposalDto[]>(`${benchmarkUrl(benchmark)}/proposals`, { params });
  }

  /** A proposal or comment (the country's civil society, the Commission), or a reply in a thread (the ministry too). */
  create(benchmark: string, request: CreateProposalRequest): Observable<ProposalDto> {
    return this.http.post<ProposalDto>(`${benchmarkUrl(benchmark)}/proposals`, request);
  }

  /** The ministry of the benchmark's country; answering again adds a new version of the answer. */
  respond(proposalId: string, request: ProposalResponseRequest): Observable<ProposalDto> {
    return this.http.post<ProposalDto>(`/api/proposals/${encodeURIComponent(proposalId)}/response`, request);
  }

  /** A moderator (admin) hides an abusive contribution. */
  hide(proposalId: string, request: HideProposalRequest): Observable<ProposalDto> {
    return this.http.post<ProposalDto>(`/api/proposals/${encodeURIComponent(proposalId)}/hide`, request);
  }
}
