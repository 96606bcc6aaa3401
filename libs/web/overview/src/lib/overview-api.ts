import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChapterOverviewDto, ConsiderationDto } from '@bt/contracts';
import type { Observable } from 'rxjs';

/**
 * How many benchmarks the overview shows at a time ("Show more" adds the next ones): a phone draws the
 * first screen of the grid without laying out the whole chapter (the API's default is 50).
 */
export const OVERVIEW_PAGE_SIZE = 20;

/** A chapter at a glance: its benchmarks × the three assessments, and the consideration of civil-society proposals. */
@Injectable({ providedIn: 'root' })
export class OverviewApi {
  private readonly http = inject(HttpClient);

  /** A page of the overview; `after` is the `next` of the page before. */
  overview(country: string, chapter: number, period?: string, after?: string): Observable<ChapterOverviewDto> {
    let params = new HttpParams().set('country', country).set('chapter', chapter);
    if (period) params = params.set('period', period);
    if (after) params = params.set('after', after);
    return this.http.get<ChapterOverviewDto>('/api/overview', { params: params.set('pageSize', OVERVIEW_PAGE_SIZE) });
  }

  /** The chapter's figures with a page of its benchmarks; `after` is the `next` of the page before. */
  consideration(country: string, chapter: number, after?: string): Observable<ConsiderationDto> {
    let params = new HttpParams().set('country', country).set('chapter', chapter);
    if (after) params = params.set('after', after);
    return this.http.get<ConsiderationDto>('/api/consideration', { params });
  }
}

/** Where the consideration figures download as a sheet. */
export function considerationExportUrl(country: string, chapter: number, format: 'xlsx' | 'csv'): string {
  return `/api/consideration.${format}?country=${encodeURIComponent(country)}&chapter=${chapter}`;
}
