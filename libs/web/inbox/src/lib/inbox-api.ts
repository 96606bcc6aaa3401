import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { InboxDto } from '@bt/contracts';
import { type Observable, switchMap, tap } from 'rxjs';

/**
 * The signed-in user's inbox (composed by the API from every domain) and how many items are unread,
 * which the navigation shows as a badge.
 */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);
  private readonly unreadCount = signal(0);
  /** Unread items as last loaded. */
  readonly unread = this.unreadCount.asReadonly();

  inbox(): Observable<InboxDto> {
    return this.http.get<InboxDto>('/api/inbox').pipe(tap((inbox) => this.unreadCount.set(inbox.unread)));
  }

  /** Marks items as read and answers the inbox as it is then. */
  markRead(keys: string[]): Observable<InboxDto> {
    return this.http.post<void>('/api/inbox/read', { keys }).pipe(switchMap(() => this.inbox()));
  }

  /** Marks every item read (also those past the first 50) and answers the inbox as it is then. */
  markAllRead(): Observable<InboxDto> {
    return this.http.post<void>('/api/inbox/read-all', {}).pipe(switchMap(() => this.inbox()));
  }

  /** Refreshes the badge (after a navigation); a failure leaves the last count. */
  refresh(): void {
    this.inbox().subscribe({ error: () => undefined });
  }

  /** Signed out: nothing is unread. */
  clear(): void {
    this.unreadCount.set(0);
  }
}
