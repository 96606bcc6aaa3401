import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SearchResultDto } from '@bt/contracts';
import { SearchPage } from './search-page';

describe('SearchPage', () => {
  it('shows the results grouped by kind, matches marked as text (never HTML), linking to the benchmark tab', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SearchPage);
    fixture.componentRef.setInput('q', 'pravosudje');
    await fixture.whenStable();
    const result: SearchResultDto = {
      groups: [
        { kind: 'benchmark', total: 0, totalCapped: false, items: [] },
        {
          kind: 'evidence',
          total: 12,
          totalCapped: false,
          items: [
            {
              kind: 'evidence',
              id: 'e1',
              benchmarkCode: 'RS-24-MIG-01',
              title: 'Reform',
              snippet: [
                { text: 'reforma ', match: false },
                { text: '<b>pravosuđa</b>', match: true },
              ],
            },
          ],
        },
      ],
    };
    http.expectOne((r) => r.url === '/api/search' && r.params.get('q') === 'pravosudje').flush(result);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect([...element.querySelectorAll('h2')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Evidence (12)']);
    expect(element.querySelector('mark')?.textContent).toBe('<b>pravosuđa</b>');
    expect(element.querySelector('.hit__snippet b')).toBeNull();
    expect(element.querySelector('a.hit__title')?.getAttribute('href')).toBe('/benchmarks/RS-24-MIG-01?tab=evidence');
    expect(element.textContent).toContain('All 12 in Evidence');
    http.verify();
  });
});
