import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AssessmentDto, ChapterOverviewDto, OverviewGradeDto } from '@bt/contracts';
import { OVERVIEW_ROUTES } from '../overview.routes';

const assessment = (
  voice: AssessmentDto['voice'],
  preparation: AssessmentDto['preparation'],
  progress: AssessmentDto['progress'],
  organisation = 'Org',
): OverviewGradeDto => ({
  id: `${voice}-${organisation}`,
  voice,
  organisation,
  organisationId: organisation,
  period: '2026',
  preparation,
  progress,
  createdAt: '2026-03-01T00:00:00.000Z',
});

const OVERVIEW: ChapterOverviewDto = {
  country: 'RS',
  chapter: 24,
  period: '2026',
  periods: ['2026', '2025'],
  rows: [
    {
      benchmark: { id: 'b1', code: 'RS-24-MIG-01', state: 'accepted', area: 'MIG', areaTitle: 'Migration' },
      commission: assessment('commission', 'some_to_moderate', 'good_progress'),
      ministry: null,
      civilSociety: [assessment('civil_society', 'early_stage', 'limited_progress', 'Coalition')],
    },
    { benchmark: { id: 'b2', code: 'RS-24-ASY-01', state: 'draft', area: 'ASY', areaTitle: 'Asylum' }, commission: null, ministry: null, civilSociety: [] },
  ],
  next: 'RS-24-ASY-01',
};

describe('ChapterOverviewPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'overview', children: OVERVIEW_ROUTES }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/overview');
    TestBed.tick();
    http.expectOne('/api/overview?country=RS&chapter=24&pageSize=20').flush(OVERVIEW);
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  });
  afterEach(() => http.verify());

  const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

  it('is a table with column and row headers, grouped by area, each grade in words and as a step on its scale', () => {
    const table = (harness.routeNativeElement as HTMLElement).querySelector('table') as HTMLTableElement;
    expect([...table.querySelectorAll('thead th')].map((th) => [clean(th.textContent), th.getAttribute('scope')])).toEqual([
      ['Benchmark', 'col'],
      ['State', 'col'],
      ['Commission assessment', 'col'],
      ['Ministry self-assessment', 'col'],
      ['Shadow assessments (civil society)', 'col'],
    ]);
    expect([...table.querySelectorAll('th[scope="colgroup"]')].map((th) => clean(th.textContent))).toEqual(['Migration', 'Asylum']);
    const first = table.querySelectorAll('tbody tr:not(.grid__area)')[0];
    expect(clean(first.querySelector('th[scope="row"]')?.textContent)).toBe('RS-24-MIG-01');
    // What a screen reader says: the swatches are decoration (aria-hidden), the words and the step are text.
    const spoken = (cell: Element) => {
      const copy = cell.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      copy.querySelectorAll('bt-grade-badge, .shadow__org').forEach((part) => part.append(' '));
      return clean(copy.textContent);
    };
    const cells = [...first.querySelectorAll('td')].map(spoken);
    expect(cells[1]).toBe('Some level of preparation to moderately prepared (step 4 of 9) Good progress (step 5 of 6)');
    expect(cells[2]).toBe('none');
    expect(cells[3]).toBe('Coalition Early stage (step 1 of 9) Limited progress (step 3 of 6)');
    // In grey, the step number on the swatch tells the grades apart.
    expect([...first.querySelectorAll('td')[1].querySelectorAll('.swatch')].map((s) => s.textContent?.trim())).toEqual(['4', '5']);
    // Colour and pattern come from the band, which the swatch carries (lowest grade: band 1).
    expect(first.querySelectorAll('td')[3].querySelector('.swatch')?.getAttribute('data-band')).toBe('1');
  });

  it('draws the period field in plain elements until it is used, then Material’s select, open and focused', async () => {
    const element = harness.routeNativeElement as HTMLElement;
    const lookAlike = element.querySelector('.period-field button') as HTMLButtonElement;
    // Its name: the field's label and the period shown, as a screen reader reads Material's select.
    const name = (lookAlike.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => clean(element.querySelector(`#${id}`)?.textContent));
    expect(name).toEqual(['Reporting period', '2026']);
    expect(lookAlike.getAttribute('aria-haspopup')).toBe('listbox');
    expect(element.querySelector('mat-select')).toBeNull();
    // Tab passes it by.
    lookAlike.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    await harness.fixture.whenStable();
    expect(element.querySelector('mat-select')).toBeNull();

    lookAlike.click();
    await harness.fixture.whenStable();
    const select = element.querySelector('mat-select') as HTMLElement;
    expect(select).not.toBeNull();
    expect(element.querySelector('.period-field')).toBeNull();
    expect(select.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(select);
    const options = [...document.querySelectorAll('mat-option')] as HTMLElement[];
    expect(options.map((option) => clean(option.textContent))).toEqual(['2026', '2025']);
    options[1].click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/overview?period=2025');
    http.expectOne('/api/overview?country=RS&chapter=24&period=2025&pageSize=20').flush({ ...OVERVIEW, period: '2025', next: null });
    await harness.fixture.whenStable();
    // The answer for the new period keeps Material's select, closed.
    expect(element.querySelector('mat-select')?.getAttribute('aria-expanded')).toBe('false');
    expect(clean(element.querySelector('mat-select')?.textContent)).toBe('2025');
  });

  it('opens the period field from the keyboard with the arrows too, as Material’s select', async () => {
    const element = harness.routeNativeElement as HTMLElement;
    const lookAlike = element.querySelector('.period-field button') as HTMLButtonElement;
    lookAlike.focus();
    const down = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
    lookAlike.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    await harness.fixture.whenStable();
    const select = element.querySelector('mat-select') as HTMLElement;
    expect(select.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(select);
  });

  it('adds the following benchmarks of the same period on "Show more"', async () => {
    const element = harness.routeNativeElement as HTMLElement;
    const more = () => [...element.querySelectorAll('button')].find((b) => b.textContent?.includes('Show more'));
    more()?.click();
    TestBed.tick();
    http.expectOne('/api/overview?country=RS&chapter=24&period=2026&after=RS-24-ASY-01&pageSize=20').flush({
      ...OVERVIEW,
      rows: [
        {
          benchmark: { id: 'b3', code: 'RS-24-ASY-02', state: 'draft', area: 'ASY', areaTitle: 'Asylum' },
          commission: null,
          ministry: null,
          civilSociety: [],
        },
      ],
      next: null,
    });
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
    expect([...element.querySelectorAll('th[scope="row"]')].map((th) => clean(th.textContent))).toEqual(['RS-24-MIG-01', 'RS-24-ASY-01', 'RS-24-ASY-02']);
    expect([...element.querySelectorAll('th[scope="colgroup"]')].map((th) => clean(th.textContent))).toEqual(['Migration', 'Asylum']);
    expect(more()).toBeUndefined();
  });
});
