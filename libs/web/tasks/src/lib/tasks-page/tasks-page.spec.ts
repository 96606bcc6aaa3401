import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { task } from '../../testing/task-fixtures';
import { TASK_ROUTES } from '../tasks.routes';

describe('TasksPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: 'tasks', children: TASK_ROUTES }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tasks');
    TestBed.tick();
    // The inbox above the tasks has its own spec; here it is empty.
    http.expectOne('/api/inbox').flush({ items: [], unread: 0 });
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.fixture.detectChanges();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const clean = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

  afterEach(() => http.verify());

  it('groups what awaits the user by kind, each benchmark linked to its page', async () => {
    await open();
    http.expectOne('/api/tasks').flush([
      task('submit', 'RS-24-MIG-01'),
      {
        ...task('revise', 'RS-24-MIG-02'),
        changesRequested: { by: 'Claire Commission', at: '2026-03-01T09:00:00.000Z', comment: 'Please add the 2025 conviction figures.' },
      },
      task('submit', 'RS-24-ASY-01'),
    ]);
    await settle();
    // The Commission's reason beside the benchmark it sent back, and only there.
    expect([...element().querySelectorAll('.task__reason')].map((p) => clean(p.textContent))).toEqual(['Reason: Please add the 2025 conviction figures.']);

    expect(clean(element().querySelector('h1')?.textContent)).toBe('Inbox & tasks');
    expect(clean(element().querySelector('[role="status"]')?.textContent)).toBe('3 tasks await you.');
    const groups = [...element().querySelectorAll('section.group')].map((section) => ({
      heading: clean(section.querySelector('h2')?.textContent),
      labelledBy: section.getAttribute('aria-labelledby') === section.querySelector('h2')?.id,
      links: [...section.querySelectorAll('a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]),
    }));
    expect(groups).toEqual([
      { heading: 'Changes requested 1 benchmark', labelledBy: true, links: [['RS-24-MIG-02', '/benchmarks/RS-24-MIG-02']] },
      {
        heading: 'Drafts to submit 2 benchmarks',
        labelledBy: true,
        links: [
          ['RS-24-MIG-01', '/benchmarks/RS-24-MIG-01'],
          ['RS-24-ASY-01', '/benchmarks/RS-24-ASY-01'],
        ],
      },
    ]);
    expect(TestBed.inject(Title).getTitle()).toBe('Inbox & tasks');
  });

  it('shows each benchmark with its state, its peer-review stage and since when it waits', async () => {
    await open();
    http.expectOne('/api/tasks').flush([task('report', 'RS-24-MIG-02', { state: 'peerReview', stage: 'fieldwork' })]);
    await settle();
    const item = element().querySelector('li.task') as HTMLElement;
    expect(clean(item.querySelector('bt-benchmark-state-chip')?.textContent)).toBe('State: Peer review');
    expect(clean(item.querySelector('.task__meta')?.textContent)).toBe('Fieldwork · Since Mar 2, 2026');
    expect(clean(item.querySelector('.task__text')?.textContent)).toBe('Text of RS-24-MIG-02.');
  });

  it('says so when nothing awaits the user', async () => {
    await open();
    http.expectOne('/api/tasks').flush([]);
    await settle();
    expect(clean(element().querySelector('[role="status"]')?.textContent)).toBe('Nothing awaits you at the moment.');
    expect(element().querySelector('section.group')).toBeNull();
    expect(element().querySelector('a[href="/benchmarks"]')?.textContent?.trim()).toBe('See all benchmarks');
  });

  it('offers to try again when the tasks could not be loaded', async () => {
    await open();
    http.expectOne('/api/tasks').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await settle();
    const alert = element().querySelector('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('Your tasks could not be loaded.');
    (alert.querySelector('button') as HTMLButtonElement).click();
    TestBed.tick();
    http.expectOne('/api/tasks').flush([task('review', 'RS-24-ASY-03', { state: 'submitted' })]);
    await settle();
    expect(element().querySelector('[role="alert"]')).toBeNull();
    expect(clean(element().querySelector('section.group h2')?.textContent)).toBe('Submissions to review 1 benchmark');
  });
});
