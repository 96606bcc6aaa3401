import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { BenchmarkDetailDto } from '@bt/contracts';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { historyEvent } from '../../testing/workflow-fixtures';
import { HistoryTimeline } from './history-timeline';

@Component({
  selector: 'bt-host',
  imports: [HistoryTimeline],
  template: `<bt-history-timeline [benchmark]="benchmark()" />`,
})
class Host {
  readonly benchmark = signal<BenchmarkDetailDto>(benchmarkDetail({ code: 'RS-24-MIG-02' }));
}

describe('HistoryTimeline', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    await settle();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const entries = (): HTMLElement[] => [...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>('ol.timeline > li')];
  const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

  it('lists who did what, when, and their comment, oldest first', async () => {
    http.expectOne('/api/benchmarks/RS-24-MIG-02/history').flush([
      historyEvent({ id: '1', action: 'evidence.created', event: null, from: null, to: null, actor: 'Marko Coordinator' }),
      historyEvent({ id: '2', at: '2026-03-03T09:30:00.000Z' }),
      historyEvent({
        id: '3',
        action: 'benchmark.REQUEST_CHANGES',
        event: 'REQUEST_CHANGES',
        from: 'submitted',
        to: 'draft',
        actor: 'Claire Commission',
        comment: 'Add the 2025 statistics on returns.',
      }),
    ]);
    await settle();

    expect(entries().map((entry) => clean(entry.querySelector('.timeline__what')?.textContent))).toEqual([
      'Evidence added',
      'Submitted to the Commission (Draft → Submitted)',
      'Changes requested (Submitted → Draft)',
    ]);
    expect(entries().map((entry) => clean(entry.querySelector('.timeline__actor')?.textContent))).toEqual([
      'by Marko Coordinator',
      'by Marko Coordinator',
      'by Claire Commission',
    ]);
    const when = entries()[1].querySelector('time') as HTMLTimeElement;
    expect(when.getAttribute('datetime')).toBe('2026-03-03T09:30:00.000Z');
    expect(when.textContent).toMatch(/Mar 3, 2026/);
    expect(clean(entries()[2].querySelector('blockquote')?.textContent)).toBe('Add the 2025 statistics on returns.');
    expect(entries()[0].querySelector('blockquote')).toBeNull();
  });

  it('loads again when the benchmark reloads', async () => {
    http.expectOne('/api/benchmarks/RS-24-MIG-02/history').flush([historyEvent()]);
    await settle();
    fixture.componentInstance.benchmark.set(benchmarkDetail({ code: 'RS-24-MIG-02', version: 2 }));
    await settle();
    http.expectOne('/api/benchmarks/RS-24-MIG-02/history').flush([historyEvent(), historyEvent({ id: '2', action: 'benchmark.ACCEPT', event: 'ACCEPT' })]);
    await settle();
    expect(entries()).toHaveLength(2);
  });

  it('says so when nothing has happened yet', async () => {
    http.expectOne('/api/benchmarks/RS-24-MIG-02/history').flush([]);
    await settle();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Nothing has happened to this benchmark yet.');
  });
});
