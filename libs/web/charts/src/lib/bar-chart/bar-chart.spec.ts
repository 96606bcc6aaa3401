import { TestBed } from '@angular/core/testing';
import { BarChart, type ChartSeries } from './bar-chart';

function render(series: ChartSeries[], categories: string[]) {
  const fixture = TestBed.createComponent(BarChart);
  fixture.componentRef.setInput('series', series);
  fixture.componentRef.setInput('categories', categories);
  fixture.componentRef.setInput('caption', 'Final convictions for migrant smuggling');
  fixture.componentRef.setInput('unit', 'persons');
  fixture.detectChanges();
  return fixture;
}

describe('BarChart', () => {
  const series = [
    { name: 'Convictions', values: [12, 30, null] },
    { name: 'Indictments', values: [40, 55, 61] },
  ];

  it('draws one bar per known figure, taller for larger figures', () => {
    const element: HTMLElement = render(series, ['2018', '2019', '2020']).nativeElement;
    const bars = [...element.querySelectorAll<SVGRectElement>('rect.chart__bar')];
    expect(bars).toHaveLength(5);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    // Convictions 2018 (12) is lower than convictions 2019 (30), which is lower than indictments 2019 (55).
    expect(heights[0]).toBeLessThan(heights[1]);
    expect(heights[1]).toBeLessThan(heights[3]);
    expect(element.querySelector('svg.chart__svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('gives screen readers the same figures in a table, and shows it on request', () => {
    const fixture = render(series, ['2018', '2019', '2020']);
    const element: HTMLElement = fixture.nativeElement;
    const table = element.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual(['2018', '2019', '2020']);
    expect([...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent?.trim()))).toEqual([
      ['Convictions', '12', '30', '—'],
      ['Indictments', '40', '55', '61'],
    ]);
    expect(table.classList).toContain('visually-hidden');
    const toggle = element.querySelector<HTMLButtonElement>('button.chart__toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    fixture.detectChanges();
    expect(table.classList).not.toContain('visually-hidden');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('tells series apart by pattern as well as colour', () => {
    const element: HTMLElement = render(series, ['2018', '2019', '2020']).nativeElement;
    const fills = new Set([...element.querySelectorAll('rect.chart__bar')].map((b) => b.getAttribute('fill')));
    expect(fills.size).toBe(2);
    expect([...fills].some((f) => f?.startsWith('url(#'))).toBe(true);
  });
});
