import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, type Viewer } from '@bt/api/identity';
import { concat, filter, interval, map, merge, type Observable, of, takeUntil, timer } from 'rxjs';
import { LiveChanges } from './live-changes';

/** A comment-like event that keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;
/**
 * A stream ends after this long and the browser opens a new one at once, which passes the access
 * guard again: a session signed out or disabled elsewhere stops hearing within this time.
 */
const STREAM_MS = 10 * 60_000;

@ApiTags('live')
@Controller('events')
export class LiveController {
  constructor(private readonly live: LiveChanges) {}

  /**
   * Server-sent events for the signed-in caller: a first `ping` once every change committed after it
   * will be told (until then this instance may not be listening), then `change` ({ event, type, id, by }: an item with this
   * id changed — ids and kinds only, the page loads what it may see through the API; `inbox`: the
   * caller has a new notification), `resync`
   * (changes may have been missed: load again), `ping` (keeps the connection open) and `bye` (the
   * stream ends on purpose; the browser reconnects by itself).
   */
  @Sse()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless text/event-stream of `change`, `resync`, `ping` and `bye` events.' })
  events(@CurrentViewer() viewer: Viewer): Observable<MessageEvent> {
    const signals = this.live.watch().pipe(
      // A new notification is told to its person only.
      filter((signal) => signal.kind !== 'change' || signal.change.type !== 'inbox' || signal.change.id === viewer.userId),
      map((signal): MessageEvent => {
        if (signal.kind === 'change') return { type: 'change', id: signal.change.event, data: signal.change };
        if (signal.kind === 'resync') return { type: 'resync', data: {} };
        // The first event, once this instance hears every change; `retry`: reconnect after a second, not the browser's default three.
        return { type: 'ping', data: {}, retry: 1000 };
      }),
    );
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    const end = timer(STREAM_MS);
    return concat(merge(signals, heartbeat).pipe(takeUntil(end)), of<MessageEvent>({ type: 'bye', data: {} })).pipe(takeUntil(this.live.closing$));
  }
}
