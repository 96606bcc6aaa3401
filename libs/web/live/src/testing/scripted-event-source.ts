/**
 * The browser's EventSource as the app meets it, for tests in jsdom (which has none): the test
 * sends the server's events (`send`) and the connection's own (`dispatchEvent(new Event('error'))`).
 * Install it as `globalThis.EventSource` before LiveChanges connects.
 */
export class ScriptedEventSource extends EventTarget {
  static readonly CLOSED = 2;
  /** The one opened last. */
  static last: ScriptedEventSource | undefined;
  readyState = 1;

  constructor(readonly url: string) {
    super();
    ScriptedEventSource.last = this;
  }

  send(type: string, data: unknown = {}): void {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
  }

  close(): void {
    this.readyState = ScriptedEventSource.CLOSED;
  }
}
