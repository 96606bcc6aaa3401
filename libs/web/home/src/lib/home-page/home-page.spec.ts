import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ChapterFiguresDto, InboxItemDto, MeDto, MissionListItemDto, TaskDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { HOME_ROUTES } from '../home.routes';
import { toNow } from './home-page';

const FIGURES: ChapterFiguresDto = {
  country: 'RS',
  chapter: 24,
  period: '2025',
  periods: ['2025'],
  areas: [
    { code: 'MIG', title: 'Legal and irregular migration', total: 6, states: { draft: 4, submitted: 1, peerReview: 0, accepted: 1 } },
    { code: 'POL', title: 'Police cooperation', total: 3, states: { draft: 1, submitted: 0, peerReview: 1, accepted: 1 } },
  ],
  voices: [{ voice: 'civil_society', assessments: 2, preparation: { early_stage: 1, some_level: 1 }, progress: { limited_progress: 2 } }],
};

const task = (kind: TaskDto['kind'], code: string): TaskDto => ({
  kind,
  benchmark: { id: `id-${code}`, code, text: `Text of ${code}.`, state: kind === 'revise' ? 'draft' : 'submitted', stage: null },
  since: '2026-03-02T10:00:00.000Z',
});

const item = (key: string, overrides: Partial<InboxItemDto>): InboxItemDto =>
  ({
    key,
    kind: 'proposal-answered',
    facts: {},
    title: `Item ${key}`,
    link: '/benchmarks/RS-24-MIG-01?tab=dialogue',
    at: '2026-12-01T10:00:00.000Z',
    unread: true,
    ...overrides,
  }) as InboxItemDto;

const mission = (id: string, startDate: string, endDate: string): MissionListItemDto => ({
  id,
  title: `Mission ${id}`,
  countryCode: 'RS',
  startDate,
  endDate,
  benchmarks: [],
  experts: [],
  reportSubmitted: false,
  reportShared: false,
  version: 1,
});

// jsdom has no IntersectionObserver (it lays nothing out); the charts' `@defer (on viewport)` asks for one. Nothing ever
// comes into view here: the tests render the deferred charts themselves.
class NoLayoutIntersectionObserver {
  readonly observed: Element[] = [];
  observe(element: Element): void {
    this.observed.push(element);
  }
  unobserve(element: Element): void {
    this.observed.splice(this.observed.indexOf(element), 1);
  }
  disconnect(): void {
    this.observed.length = 0;
  }
}

describe('HomePage', () => {
  beforeAll(() => Object.assign(globalThis, { IntersectionObserver: NoLayoutIntersectionObserver }));

  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

  async function open(me: MeDto | null): Promise<void> {
    TestBed.configureTestingModule({
      deferBlockBehavior: DeferBlockBehavior.Manual,
      providers: [provideRouter([{ path: '', children: HOME_ROUTES }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    if (me) {
      TestBed.inject(AuthSession).load().subscribe();
      http.expectOne('/api/auth/current').flush({ me });
    }
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/');
    TestBed.tick();
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  function chapterAnswers(): void {
    http.expectOne('/api/overview/figures?country=RS&chapter=24').flush(FIGURES);
    http.expectOne('/api/consideration?country=RS&chapter=24&pageSize=1').flush({ total: { received: 7, answered: 5 } });
  }

  afterEach(() => http.verify());

  it('shows a visitor the chapter at a glance only: figures per state, proposals answered, each chart with its table', async () => {
    await open(null);
    chapterAnswers();
    await settle();

    expect(clean(element().querySelector('h1')?.textContent)).toBe('Serbia — Chapter 24: Justice, freedom and security');
    expect(element().querySelector('#home-now')).toBeNull();
    const figures = [...element().querySelectorAll('.figure')].map((f) => clean(f.textContent));
    expect(figures).toEqual(['9 benchmarks', '5 Draft', '1 Submitted', '1 Peer review', '2 Accepted', '5/7 civil-society proposals answered']);
    // The charts wait to come into view (their library is not part of a first visit).
    expect(element().querySelector('bt-bar-chart')).toBeNull();
    for (const block of await harness.fixture.getDeferBlocks()) await block.render(DeferBlockState.Complete);
    await settle();
    const captions = [...element().querySelectorAll('figcaption')].map((c) => clean(c.textContent));
    expect(captions).toEqual(['Benchmarks by area and state (benchmarks)', 'State of preparation in 2025, as each voice grades it (assessments)']);
    // Only the grades someone gives, lowest first, with each voice as a series.
    const gradeTable = element().querySelectorAll('table')[1];
    const gradeText = clean(gradeTable.textContent);
    for (const shown of ['Early stage', 'Some level of preparation', 'Shadow assessment']) expect(gradeText).toContain(shown);
    expect(gradeText).not.toContain('Well advanced');
  });

  it('puts what needs a coordinator first: each kind of task, what is new, deadlines and missions', async () => {
    await open({ id: 'u1', displayName: 'Marko', email: 'c@x', roles: [{ role: 'ministry', coordinator: true }], countryCode: 'RS' } as unknown as MeDto);
    const reason = { by: 'Claire Commission', at: '2026-03-01T09:00:00.000Z', comment: 'Please add the 2025 conviction figures.' };
    http.expectOne('/api/tasks').flush([task('submit', 'RS-24-MIG-01'), { ...task('revise', 'RS-24-MIG-02'), changesRequested: reason }]);
    http.expectOne('/api/inbox').flush({
      unread: 2,
      items: [item('a', { title: 'An answer' }), item('b', { title: 'A deadline', dueAt: '2099-01-10T00:00:00.000Z', unread: false })],
    });
    http.expectOne('/api/missions').flush([mission('m1', '2099-02-01', '2099-02-03'), mission('m0', '2020-01-01', '2020-01-02')]);
    http.expectOne('/api/consultations').flush([]);
    chapterAnswers();
    http.expectOne('/api/action-plan/summary?country=RS').flush({ total: 7, overdue: 3, byStatus: {}, withCorrectiveMeasure: 1, areas: [] });
    await settle();

    const cards = [...element().querySelectorAll('.home-card')].map((card) => ({
      kind: card.getAttribute('data-kind'),
      title: clean(card.querySelector('h3')?.textContent),
    }));
    expect(cards).toEqual([
      { kind: 'revise', title: 'Changes requested 1 benchmark' },
      { kind: 'submit', title: 'Drafts to submit 1 benchmark' },
      { kind: 'inbox', title: 'New in your inbox' },
      { kind: 'deadlines', title: 'Coming deadlines' },
      { kind: 'missions', title: 'Peer-review missions coming and under way' },
    ]);
    expect(element().querySelector('[data-kind="missions"] a')?.getAttribute('href')).toBe('/missions/m1');
    expect(element().querySelector('[data-kind="revise"] a')?.getAttribute('href')).toBe('/benchmarks/RS-24-MIG-02');
    // The Commission's reason is read where the task is listed; a draft to submit has none.
    expect(clean(element().querySelector('[data-kind="revise"] .home-card__reason')?.textContent)).toBe('Reason: Please add the 2025 conviction figures.');
    expect(element().querySelector('[data-kind="submit"] .home-card__reason')).toBeNull();
    expect(clean(element().querySelector('.figure--attention')?.textContent)).toBe('3 Action Plan activities overdue');
  });

  it("shows a civil-society organisation its country's benchmarks before the Commission, and the Commission the reports to share", async () => {
    await open({ id: 'u3', displayName: 'Ana', email: 'a@x', roles: [{ role: 'civil_society' }], countryCode: 'RS' } as unknown as MeDto);
    http.expectOne('/api/tasks').flush([]);
    http.expectOne('/api/inbox').flush({ unread: 0, items: [] });
    http.expectOne('/api/consultations').flush([]);
    const submitted = {
      id: 'b9',
      code: 'RS-24-VIS-01',
      country: 'RS',
      chapter: 24,
      area: { code: 'VIS', title: 'Visas' },
      position: 1,
      excerpt: 'Visa policy…',
      state: 'submitted',
      subRequirementCount: 0,
    };
    http
      .expectOne('/api/benchmarks?country=RS&chapter=24&state=submitted&pageSize=10')
      .flush({ items: [submitted], total: 1, totalCapped: false, page: 1, pageSize: 10, next: null });
    chapterAnswers();
    http.expectOne('/api/action-plan/summary?country=RS').flush({ total: 0, overdue: 0, byStatus: {}, withCorrectiveMeasure: 0, areas: [] });
    await settle();
    const card = element().querySelector('[data-kind="under-review"]');
    expect(clean(card?.querySelector('h3')?.textContent)).toBe('Before the Commission now');
    expect([...(card?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual(['/benchmarks/RS-24-VIS-01', '/benchmarks?state=submitted']);
    expect(element().querySelector('.home__empty')).toBeNull();
  });

  it('says so when nothing waits', async () => {
    await open({ id: 'u2', displayName: 'Expert', email: 'e@x', roles: [{ role: 'expert' }], countryCode: null } as unknown as MeDto);
    http.expectOne('/api/tasks').flush([]);
    http.expectOne('/api/inbox').flush({ unread: 0, items: [] });
    http.expectOne('/api/missions').flush([]);
    http.expectOne('/api/consultations').flush([]);
    chapterAnswers();
    http.expectOne('/api/action-plan/summary?country=RS').flush('no', { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(clean(element().querySelector('.home__empty')?.textContent)).toContain('Nothing waits for you right now.');
    expect(element().querySelector('.figure--attention')).toBeNull();
  });
});

describe('toNow', () => {
  it('keeps coming deadlines soonest first, missions not yet over, consultations open — five of each at most', () => {
    const now = toNow(
      {
        tasks: [],
        inbox: {
          items: [
            item('late', { dueAt: '2026-12-20T00:00:00Z' }),
            item('past', { dueAt: '2026-12-01T00:00:00Z' }),
            item('soon', { dueAt: '2026-12-07T00:00:00Z' }),
            ...Array.from({ length: 7 }, (_, i) => item(`n${i}`, { at: `2026-11-0${i + 1}T00:00:00Z` })),
          ],
        },
        missions: [mission('over', '2026-11-01', '2026-12-05'), mission('today', '2026-12-04', '2026-12-06')],
        consultations: [
          { id: 'c1', title: 'Closed', reference: 'r', state: 'closed', deadline: null, publishedAt: null, recipientCount: 1, questionCount: 1 },
          { id: 'c2', title: 'Open', reference: 'r', state: 'open', deadline: '2026-12-10T12:00:00Z', publishedAt: null, recipientCount: 1, questionCount: 1 },
        ],
      },
      '2026-12-06',
    );
    expect(now.deadlines.map((i) => i.key)).toEqual(['soon', 'late']);
    expect(now.unread.map((i) => i.key)).toEqual(['n6', 'n5', 'n4', 'n3', 'n2']);
    expect(now.missions.map((m) => m.id)).toEqual(['today']);
    expect(now.consultations.map((c) => c.id)).toEqual(['c2']);
    expect(now.reportsToShare).toEqual([]);
  });

  it('lists the reports to share only for whoever shares them, oldest mission first', () => {
    const reported = (id: string, endDate: string, shared: boolean) => ({ ...mission(id, '2026-01-01', endDate), reportSubmitted: true, reportShared: shared });
    const loaded = {
      tasks: [],
      inbox: null,
      consultations: null,
      missions: [
        reported('b', '2026-11-20', false),
        reported('shared', '2026-10-01', true),
        reported('a', '2026-11-01', false),
        mission('none', '2026-11-02', '2026-11-03'),
      ],
    };
    expect(toNow(loaded, '2026-12-06', { sharesReports: true }).reportsToShare.map((m) => m.id)).toEqual(['a', 'b']);
    expect(toNow(loaded, '2026-12-06').reportsToShare).toEqual([]);
  });
});
