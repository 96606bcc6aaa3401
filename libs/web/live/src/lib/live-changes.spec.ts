import { TestBed } from '@angular/core/testing';
import type { LiveChangeDto } from '@bt/contracts';
import { LiveChanges } from './live-changes';
import { ScriptedEventSource } from '../testing/scripted-event-source';

describe('LiveChanges', () => {
  const change = (overrides: Partial<LiveChangeDto>): LiveChangeDto => ({ event: '1', type: 'benchmark', id: 'b-1', by: 'u-1', ...overrides });
  let live: LiveChanges;
  let reloads: number;

  beforeEach(() => {
    jest.useFakeTimers();
    (globalThis as { EventSource?: unknown }).EventSource = ScriptedEventSource;
    live = TestBed.inject(LiveChanges);
    live.connect();
    reloads = 0;
    live.reloads((c) => c.type === 'inbox').subscribe(() => reloads++);
  });
  afterEach(() => {
    live.disconnect();
    delete (globalThis as { EventSource?: unknown }).EventSource;
    jest.useRealTimers();
  });

  it('asks for a reload on the changes that concern it, once for those that come together, and not on others', () => {
    const source = ScriptedEventSource.last as ScriptedEventSource;
    expect(source.url).toBe('/api/events');
    source.send('change', change({ type: 'benchmark' }));
    jest.advanceTimersByTime(1000);
    expect(reloads).toBe(0);
    // Two within a second: one reload, at the end of that second.
    source.send('change', change({ type: 'inbox', id: 'u-1' }));
    jest.advanceTimersByTime(500);
    source.send('change', change({ type: 'inbox', id: 'u-1', event: '2' }));
    expect(reloads).toBe(0);
    jest.advanceTimersByTime(500);
    expect(reloads).toBe(1);
    jest.advanceTimersByTime(1000);
    expect(reloads).toBe(1);
  });

  it('asks for a reload after a broken stream came back, not after one the server ended on purpose', () => {
    const source = ScriptedEventSource.last as ScriptedEventSource;
    source.send('bye');
    source.dispatchEvent(new Event('error'));
    source.dispatchEvent(new Event('open'));
    jest.advanceTimersByTime(1000);
    expect(reloads).toBe(0);
    source.dispatchEvent(new Event('error'));
    source.dispatchEvent(new Event('open'));
    jest.advanceTimersByTime(1000);
    expect(reloads).toBe(1);
  });
});
