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

// jsdom lays nothing out, so ECharts never loads here: the picture is tested in Chromium
// (apps/web-e2e/src/track-records-and-action-plan.e2e-spec.ts) and its options in chart-options.spec.ts.
describe('BarChart', () => {
  const series = [
    { name: 'Convictions', values: [12, 30, null] },
    { name: 'Indictments', values: [40, 55, 61] },
  ];

  it('keeps the picture from screen readers, sized for the layout the figures need', () => {
    const element: HTMLElement = render(series, ['2018', '2019', '2020']).nativeElement;
    const picture = element.querySelector<HTMLElement>('.chart__picture')!;
    expect(picture.getAttribute('aria-hidden')).toBe('true');
    expect(picture.dataset['orientation']).toBe('vertical');
    expect(parseInt(picture.style.height, 10)).toBeGreaterThan(0);
    expect(element.querySelector('figure')?.getAttribute('aria-labelledby')).toBe(element.querySelector('figcaption')?.id);
  });

  it('lays bars across for long category labels', () => {
    const element: HTMLElement = render(series, [
      'Migration, asylum and visa policy',
      'Police cooperation',
      'Judicial cooperation in criminal matters',
    ]).nativeElement;
    expect(element.querySelector<HTMLElement>('.chart__picture')!.dataset['orientation']).toBe('horizontal');
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
    const box = element.querySelector<HTMLElement>('.chart__table')!;
    expect(box.classList).toContain('visually-hidden');
    expect(box.hasAttribute('tabindex')).toBe(false);
    const toggle = element.querySelector<HTMLButtonElement>('button.chart__toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(table.id);
    toggle.click();
    fixture.detectChanges();
    expect(box.classList).not.toContain('visually-hidden');
    // Shown, a wide table scrolls on a phone, so the keyboard can reach it.
    expect(box.getAttribute('tabindex')).toBe('0');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });
});
