import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { SearchKind, SearchResultDto } from '@bt/contracts';
import type { Observable } from 'rxjs';

export interface SearchRequest {
  readonly q: string;
  readonly kind?: SearchKind;
  readonly page?: number;
}

/** `GET /api/search`: what the caller may see, grouped by kind, with marked snippets. */
@Injectable({ providedIn: 'root' })
export class SearchApi {
  private readonly http = inject(HttpClient);

  search(request: SearchRequest): Observable<SearchResultDto> {
    let params = new HttpParams().set('q', request.q);
    if (request.kind) params = params.set('kind', request.kind);
    if (request.page && request.page > 1) params = params.set('page', String(request.page));
    return this.http.get<SearchResultDto>('/api/search', { params });
  }
}
