import { Injectable } from '@angular/core';
import type { LiveChangeDto } from '@bt/contracts';
import { auditTime, filter, map, merge, type Observable, Subject } from 'rxjs';

/**
 * The browser's end of the live stream (`GET /api/events`): while someone is signed in, one
 * EventSource for the whole app tells the pages which items changed — ids only; each page loads what
 * it shows again through the API. EventSource reconnects by itself; after a broken connection (not
 * a stream the server ended on purpose) `resync$` says changes may have been missed.
 */
@Injectable({ providedIn: 'root' })
export class LiveChanges {
  private source: EventSource | undefined;
  private readonly changes = new Subject<LiveChangeDto>();
  private readonly resyncs = new Subject<void>();
  /** Every change announced, whoever made it. */
  readonly changes$: Observable<LiveChangeDto> = this.changes.asObservable();
  /** Changes may have been missed: load again. */
  readonly resync$: Observable<void> = this.resyncs.asObservable();

  /**
   * When a page that shows a list should load again: a change that concerns it, or a resync — at
   * most once a second however many changes arrive together.
   */
  reloads(concerns: (change: LiveChangeDto) => boolean = () => true): Observable<void> {
    return merge(this.changes$.pipe(filter(concerns)), this.resync$).pipe(
      auditTime(1000),
      map(() => undefined),
    );
  }

  /** Opens the stream (signed in); does nothing when it is open or the browser has no EventSource. */
  connect(): void {
    if (this.source || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    this.source = source;
    let endedOnPurpose = false;
    let broken = false;
    source.addEventListener('change', (event) => this.changes.next(JSON.parse((event as MessageEvent<string>).data) as LiveChangeDto));
    source.addEventListener('resync', () => this.resyncs.next());
    source.addEventListener('bye', () => (endedOnPurpose = true));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (signed out, session ended): the stream stays closed until the next sign-in.
        if (this.source === source) this.source = undefined;
        return;
      }
      broken ||= !endedOnPurpose;
      endedOnPurpose = false;
    });
    source.addEventListener('open', () => {
      if (broken) this.resyncs.next();
      broken = false;
    });
  }

  /** Closes the stream (signed out). */
  disconnect(): void {
    this.source?.close();
    this.source = undefined;
  }
}
