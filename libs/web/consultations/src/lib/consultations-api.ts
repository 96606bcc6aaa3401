import { HttpClient, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ConsultationDto,
  ConsultationOrganisationDto,
  ConsultationReplyDto,
  ConsultationSummaryItemDto,
  ConsultationTransitionResultDto,
  StoredFileDto,
} from '@bt/contracts';
import type { ConsultationEventType } from '@bt/workflow';
import type { Observable } from 'rxjs';

/** The draft as the builder saves it whole (`PUT /api/consultations/:id`). */
export interface ConsultationDraft {
  version: number;
  title: string;
  reference: string;
  introduction: string;
  deadline?: string;
  /** With the ids of topics and questions already saved, which are kept. */
  topics: { id?: string; title: string; questions: { id?: string; text: string }[] }[];
  recipientIds: string[];
}

/** The written-consultation calls of the API. */
@Injectable({ providedIn: 'root' })
export class ConsultationsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/consultations';

  list(): Observable<ConsultationSummaryItemDto[]> {
    return this.http.get<ConsultationSummaryItemDto[]>(this.base);
  }

  get(id: string): Observable<ConsultationDto> {
    return this.http.get<ConsultationDto>(`${this.base}/${encodeURIComponent(id)}`);
  }

  create(title: string): Observable<ConsultationDto> {
    return this.http.post<ConsultationDto>(this.base, { title });
  }

  save(id: string, draft: ConsultationDraft): Observable<ConsultationDto> {
    return this.http.put<ConsultationDto>(`${this.base}/${encodeURIComponent(id)}`, draft);
  }

  recipientOptions(): Observable<ConsultationOrganisationDto[]> {
    return this.http.get<ConsultationOrganisationDto[]>('/api/consultation-recipients');
  }

  fire(id: string, event: ConsultationEventType, version: number, deadline?: string): Observable<ConsultationTransitionResultDto> {
    return this.http.post<ConsultationTransitionResultDto>(`${this.base}/${encodeURIComponent(id)}/transitions`, {
      event,
      version,
      ...(deadline ? { deadline } : {}),
    });
  }

  reply(id: string, questionId: string, text: string, send: boolean): Observable<ConsultationReplyDto> {
    return this.http.put<ConsultationReplyDto>(`${this.base}/${encodeURIComponent(id)}/replies/${encodeURIComponent(questionId)}`, { text, send });
  }

  /** Attaches a document to the organisation's unsent reply, reporting upload progress. */
  attach(id: string, questionId: string, file: File): Observable<HttpEvent<StoredFileDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<StoredFileDto>(`${this.base}/${encodeURIComponent(id)}/replies/${encodeURIComponent(questionId)}/files`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  summarise(id: string, questionId: string, text: string, citedOrganisationIds: string[]): Observable<ConsultationDto> {
    return this.http.put<ConsultationDto>(`${this.base}/${encodeURIComponent(id)}/summaries/${encodeURIComponent(questionId)}`, { text, citedOrganisationIds });
  }

  fileUrl(id: string, fileId: string): string {
    return `${this.base}/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`;
  }
}
