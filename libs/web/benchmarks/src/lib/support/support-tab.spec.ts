import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProjectDto } from '@bt/contracts';
import { benchmarkDetail } from '../../testing/catalogue-fixtures';
import { SupportTab } from './support-tab';

const participant = (name: string, role: ProjectDto['participants'][number]['role']) => ({ name, role, organisationId: null, ref: null, type: null });
const link = (code: string, how: string, sub: string | null = null) => ({
  benchmark: { id: code, code, area: 'POL' },
  subRequirement: sub ? { code: sub, text: '' } : null,
  activity: null,
  how,
});

function project(id: string, title: string, participants: ProjectDto['participants'], supports: ProjectDto['supports']): ProjectDto {
  return {
    id,
    title,
    participants,
    supports,
    country: 'RS',
    description: '',
    instrument: 'bilateral_programme',
    status: null,
    iatiIdentifier: null,
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
    budget: null,
    objectives: [],
    components: [],
    expectedResults: [],
    achievedResults: [],
    sectors: [],
    links: [],
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    mayEdit: false,
  };
}

describe('SupportTab', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(code: string, projects: ProjectDto[]): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(SupportTab);
    fixture.componentRef.setInput('benchmark', benchmarkDetail({ code }));
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne(`/api/projects?benchmark=${code}`).flush(projects);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }
  const texts = (element: HTMLElement, selector: string) =>
    [...element.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());

  it('lists the projects supporting the benchmark, each with its sentences on how (only this benchmark’s), funders and implementers', async () => {
    const element = await render('RS-24-POL-03', [
      project(
        'inl',
        'INL assistance',
        [participant('U.S. Department of State (INL)', 'funding'), participant('Ministry of Interior', 'beneficiary')],
        [
          link('RS-24-POL-13', 'Trains police on complex investigations.'),
          link('RS-24-POL-03', 'Task forces bring police and prosecutors together.', 'RS-24-POL-03.1'),
        ],
      ),
      project(
        'twin',
        'Twinning',
        [participant('DG NEAR', 'funding'), participant('Austria', 'implementing'), participant('Slovenia', 'implementing')],
        [link('RS-24-POL-03', 'Builds capacity.')],
      ),
    ]);
    expect(texts(element, 'h3')).toEqual(['INL assistance', 'Twinning']);
    expect(texts(element, '.support-how')).toEqual(['RS-24-POL-03.1: Task forces bring police and prosecutors together.', 'Builds capacity.']);
    expect(texts(element, '.support-who dd')).toEqual(['U.S. Department of State (INL)', 'DG NEAR', 'Austria; Slovenia']);
    expect(element.querySelector('h3 a')?.getAttribute('href')).toBe('/projects/inl');
  });

  it('says so when no project supports the benchmark', async () => {
    const element = await render('RS-24-VIS-01', []);
    expect(element.textContent).toContain('No assistance project is linked to this benchmark yet.');
  });
});
