import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InboxDto, InboxItemDto } from '@bt/contracts';
import { InboxApi } from '@bt/web/inbox';
import { InboxSection } from './inbox-section';

const item = (key: string, unread: boolean): InboxItemDto => ({
  key,
  kind: 'proposal.answered',
  facts: { benchmark: `RS-24-MIG-0${key === 'a' ? 1 : 2}`, decision: 'partly_accepted', revised: false },
  // Deliberately unlike the app's wording: the page words items from their facts.
  title: `(the API's English title of ${key})`,
  detail: 'Publish the data per court.',
  link: '/benchmarks/RS-24-MIG-01?tab=dialogue',
  at: '2026-03-01T09:00:00.000Z',
  unread,
});

describe('InboxSection', () => {
  let fixture: ComponentFixture<InboxSection>;
  let http: HttpTestingController;

  async function show(inbox: InboxDto): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InboxSection);
    await settle();
    http.expectOne('/api/inbox').flush(inbox);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());
  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

  it('lists the items as the API orders them (unread first), each linked to where to act, with the unread count', async () => {
    await show({ items: [item('a', true), item('b', false)], unread: 1 });
    expect(clean(element().querySelector('h2')?.textContent)).toBe('Inbox 1 unread');
    const items = [...element().querySelectorAll('li.item')];
    expect(items.map((li) => li.classList.contains('item--unread'))).toEqual([true, false]);
    const link = items[0].querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/benchmarks/RS-24-MIG-01?tab=dialogue');
    expect(TestBed.inject(InboxApi).unread()).toBe(1);
  });

  it('marks an item as read, and the count follows', async () => {
    await show({ items: [item('a', true), item('b', true)], unread: 2 });
    const markRead = [...element().querySelectorAll('li.item button')][0] as HTMLButtonElement;
    expect(clean(markRead.textContent)).toBe('doneMark as read: RS-24-MIG-01: the ministry answered — Partly accepted');
    markRead.click();
    const post = http.expectOne('/api/inbox/read');
    expect(post.request.body).toEqual({ keys: ['a'] });
    post.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/inbox').flush({ items: [item('b', true), item('a', false)], unread: 1 });
    await settle();
    expect(clean(element().querySelector('h2')?.textContent)).toBe('Inbox 1 unread');
    expect(TestBed.inject(InboxApi).unread()).toBe(1);
  });

  it('marks every item read with one call, also those past the first 50', async () => {
    await show({ items: [item('a', true), item('b', true)], unread: 60 });
    const all = [...element().querySelectorAll('.inbox__header button')].find((b) => clean(b.textContent) === 'Mark all as read') as HTMLButtonElement;
    all.click();
    const post = http.expectOne('/api/inbox/read-all');
    expect(post.request.method).toBe('POST');
    post.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/inbox').flush({ items: [item('a', false), item('b', false)], unread: 0 });
    await settle();
    expect(clean(element().querySelector('h2')?.textContent)).toBe('Inbox all read');
    expect(TestBed.inject(InboxApi).unread()).toBe(0);
  });

  it('words a hand-over from its facts, with the Commission’s comment under it', async () => {
    const at = '2026-03-01T09:00:00.000Z';
    await show({
      items: [
        {
          key: 'n',
          kind: 'benchmark.changes_requested',
          facts: { benchmark: 'RS-24-VIS-01', by: 'Claire Commission' },
          title: 'x',
          detail: 'Add the 2025 figures.',
          link: '/benchmarks/RS-24-VIS-01',
          at,
          unread: true,
        },
        { key: 'p', kind: 'mission.report_shared', facts: { mission: 'Borders mission' }, title: 'x', link: '/missions/m1', at, unread: true },
      ],
      unread: 2,
    });
    const texts = [...element().querySelectorAll('li.item')].map((li) => [
      clean(li.querySelector('a')?.textContent),
      clean(li.querySelector('.item__detail')?.textContent),
    ]);
    expect(texts).toEqual([
      ['RS-24-VIS-01: Claire Commission requested changes', 'Add the 2025 figures.'],
      ['Mission report shared with you: Borders mission', ''],
    ]);
  });

  it('words each kind of item from its facts, with the right plural', async () => {
    const at = '2026-03-01T09:00:00.000Z';
    const link = '/consultations/c1/reply';
    await show({
      items: [
        {
          key: 'u',
          kind: 'proposal.unanswered',
          facts: { benchmark: 'RS-24-VIS-01', organisation: 'Belgrade Centre', days: 1 },
          title: 'x',
          detail: 'Add a register.',
          link,
          at,
          unread: true,
        },
        {
          key: 'r',
          kind: 'proposal.answered',
          facts: { benchmark: 'RS-24-VIS-01', decision: 'not_accepted', revised: true },
          title: 'x',
          link,
          at,
          unread: true,
        },
        {
          key: 'c',
          kind: 'consultation.deadline',
          facts: { consultation: 'Migration 2026', unanswered: 3 },
          title: 'x',
          detail: 'x',
          link,
          at,
          dueAt: at,
          unread: true,
        },
        { key: 'm', kind: 'mission.starting', facts: { mission: 'Borders mission' }, title: 'x', link, at, unread: true },
        {
          key: 'z',
          kind: 'proposal.unanswered',
          facts: { benchmark: 'RS-24-VIS-02', organisation: 'Belgrade Centre', days: 0 },
          title: 'x',
          link,
          at,
          unread: true,
        },
        {
          key: 'a',
          kind: 'activity.due',
          facts: { activity: '2.1.4 Asylum Office staffing', benchmark: 'RS-24-ASY-02' },
          title: 'x',
          link,
          at,
          dueAt: at,
          unread: true,
        },
      ],
      unread: 6,
    });
    const texts = [...element().querySelectorAll('li.item')].map((li) => [
      clean(li.querySelector('a')?.textContent),
      clean(li.querySelector('.item__detail')?.textContent),
    ]);
    expect(texts).toEqual([
      ['RS-24-VIS-01: a proposal from Belgrade Centre awaits your answer (1 day)', 'Add a register.'],
      ['RS-24-VIS-01: the ministry revised its answer — Not accepted', ''],
      ['Written consultation due: Migration 2026', '3 questions not yet answered'],
      ['Peer-review mission starts: Borders mission', ''],
      ['RS-24-VIS-02: a proposal from Belgrade Centre awaits your answer (since today)', ''],
      ['Action Plan activity due: 2.1.4 Asylum Office staffing (RS-24-ASY-02)', ''],
    ]);
  });

  it('says when there is nothing', async () => {
    await show({ items: [], unread: 0 });
    expect(clean(element().querySelector('.muted')?.textContent)).toContain('Nothing new.');
  });
});
