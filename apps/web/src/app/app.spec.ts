import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, DeferBlockState, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { BehaviorSubject, map } from 'rxjs';
import type { MeDto, RoleAssignmentDto } from '@bt/contracts';
import { AuthSession } from '@bt/web/identity';
import { App, NARROW_LAYOUT_QUERY, PHONE_LAYOUT_QUERY } from './app';
import { AppTitleStrategy } from './app-title-strategy';
import { APP_ROUTES } from './app.routes';

function signedInUser(roles: RoleAssignmentDto[]): MeDto {
  return {
    id: 'u-1',
    email: 'ana@demo.test',
    displayName: 'Ana Admin',
    organisation: { id: 'o-1', name: 'Platform team', kind: 'platform', country: null },
    roles,
    disabled: false,
    secondFactorEnrolled: false,
    lastSignInAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    session: { expiresAt: '2026-01-02T00:00:00.000Z', idleTimeoutMinutes: 30 },
    secondFactor: { enrolled: false, required: false, outstanding: false },
    otherSessions: 0,
    language: null,
  };
}

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let router: Router;
  const narrow = new BehaviorSubject(false);
  const phone = new BehaviorSubject(false);

  async function start(url = '/', signedInWith?: RoleAssignmentDto[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(APP_ROUTES, withComponentInputBinding()),
        { provide: TitleStrategy, useClass: AppTitleStrategy },
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: BreakpointObserver,
          useValue: {
            observe: (query: string) => {
              expect([NARROW_LAYOUT_QUERY, PHONE_LAYOUT_QUERY]).toContain(query);
              return (query === PHONE_LAYOUT_QUERY ? phone : narrow).pipe(map((matches): BreakpointState => ({ matches, breakpoints: {} })));
            },
          },
        },
      ],
    });
    router = TestBed.inject(Router);
    if (signedInWith) {
      TestBed.inject(AuthSession).signIn({ email: 'x@demo.test', password: 'x' }).subscribe();
      TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(signedInUser(signedInWith));
    }
    fixture = TestBed.createComponent(App);
    await router.navigateByUrl(url);
    await fixture.whenStable();
    // The toolbar's search, language and account come in a task after the first (app.html, @defer on idle).
    for (const block of await fixture.getDeferBlocks()) await block.render(DeferBlockState.Complete);
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    // The benchmarks page loads its data; the shell tests do not answer it.
    TestBed.inject(HttpTestingController).match(() => true);
    narrow.next(false);
    phone.next(false);
  });

  it('names the product in the toolbar and offers a skip link to the main landmark', async () => {
    const page = await start();
    expect(page.querySelector('mat-toolbar')?.textContent).toContain('Benchmark Tracker');

    const skip = page.querySelector('a.skip-link') as HTMLAnchorElement;
    expect(skip.textContent?.trim()).toBe('Skip to main content');
    expect(page.firstElementChild).toBe(skip);
    skip.click();
    expect(document.activeElement).toBe(page.querySelector('main#main'));
  });

  it('opens on the home page, marked as the current page in the navigation', async () => {
    const page = await start('/');
    expect(router.url).toBe('/');
    fixture.detectChanges();

    const link = page.querySelector('nav a[href="/"]') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toContain('Home');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(page.querySelector('nav a[href="/benchmarks"]')?.getAttribute('aria-current')).toBeNull();
    expect(page.querySelector('main bt-home-page')).not.toBeNull();
    expect(TestBed.inject(Title).getTitle()).toBe('Home · Benchmark Tracker');
  });

  it('keeps the search field in the toolbar on a wide screen, behind its icon on a phone', async () => {
    let page = await start();
    fixture.detectChanges();
    expect(page.querySelector('mat-toolbar #global-search')).not.toBeNull();

    phone.next(true);
    fixture.detectChanges();
    page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('mat-toolbar #global-search')).toBeNull();
    const opener = page.querySelector('mat-toolbar button[aria-label="Open the search"]') as HTMLButtonElement;
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    opener.click();
    fixture.detectChanges();
    expect(page.querySelector('mat-toolbar form.search-box--over-toolbar #global-search')).not.toBeNull();
    expect(page.querySelector('mat-toolbar button[aria-label="Close the search"]')).not.toBeNull();
  });

  it('shows a not-found page for an unknown address', async () => {
    const page = await start('/no/such/page');
    expect(page.querySelector('main h1')?.textContent).toBe('Page not found');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found · Benchmark Tracker');
  });

  it('keeps the navigation beside the page on wide screens, without a menu button', async () => {
    const page = await start();
    fixture.detectChanges();
    expect(page.querySelector('button[aria-controls="app-navigation"]')).toBeNull();
    expect(page.querySelector('mat-sidenav')?.classList).toContain('mat-drawer-side');
  });

  it('slides the navigation over the page on narrow screens, opened by a labelled menu button', async () => {
    narrow.next(true);
    const page = await start();
    fixture.detectChanges();

    const menu = page.querySelector('button[aria-controls="app-navigation"]') as HTMLButtonElement;
    expect(menu.getAttribute('aria-label')).toBe('Navigation menu');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(page.querySelector('mat-sidenav')?.classList).toContain('mat-drawer-over');
    // Made when it opens: a first visit on a phone does not render links it does not show.
    expect(page.querySelector('nav[aria-label="Main"]')).toBeNull();

    menu.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(page.querySelectorAll('nav[aria-label="Main"] a').length).toBeGreaterThan(3);
  });

  describe('for who is signed in', () => {
    const navLinks = (page: HTMLElement): string[] => [...page.querySelectorAll('nav[aria-label="Main"] a')].map((a) => a.textContent?.trim() ?? '');

    it('offers an anonymous visitor to sign in, and only the public pages', async () => {
      const page = await start();
      fixture.detectChanges();
      const signIn = page.querySelector('mat-toolbar a[href="/sign-in"]') as HTMLAnchorElement;
      expect(signIn.textContent?.trim()).toBe('Sign in');
      expect(navLinks(page)).toEqual(['homeHome', 'checklistBenchmarks', 'grid_viewChapter overview', 'handshakeAssistance projects', 'forumConsultations']);
    });

    it('shows a signed-in user their name and their tasks instead, and no administration without the role', async () => {
      const page = await start('/', [{ role: 'civil_society', coordinator: false }]);
      fixture.detectChanges();
      expect(page.querySelector('mat-toolbar a[href="/sign-in"]')).toBeNull();
      expect(page.querySelector('mat-toolbar bt-account-menu')?.textContent).toContain('Ana Admin');
      expect(navLinks(page)).toEqual([
        'homeHome',
        'checklistBenchmarks',
        'grid_viewChapter overview',
        'inboxInbox & tasks',
        'event_noteAction Plan',
        'handshakeAssistance projects',
        'forumConsultations',
        'travel_explorePeer-review missions',
      ]);
      expect(page.querySelector('nav a[href="/tasks"]')).not.toBeNull();
    });

    it('offers the administration to an administrator', async () => {
      const page = await start('/', [{ role: 'admin', coordinator: false }]);
      fixture.detectChanges();
      expect(navLinks(page)).toEqual([
        'homeHome',
        'checklistBenchmarks',
        'grid_viewChapter overview',
        'inboxInbox & tasks',
        'event_noteAction Plan',
        'handshakeAssistance projects',
        'forumConsultations',
        'travel_explorePeer-review missions',
        'admin_panel_settingsAdministration',
      ]);
    });

    it('opens My tasks for a signed-in user, marked as the current page', async () => {
      const page = await start('/tasks', [{ role: 'commission', coordinator: false }]);
      fixture.detectChanges();
      expect(router.url).toBe('/tasks');
      expect(page.querySelector('main bt-tasks-page')).not.toBeNull();
      expect(page.querySelector('nav a[href="/tasks"]')?.getAttribute('aria-current')).toBe('page');
      expect(TestBed.inject(Title).getTitle()).toBe('Inbox & tasks · Benchmark Tracker');
    });

    it('shows how many inbox items are unread beside Inbox & tasks, refreshed after a navigation', async () => {
      const page = await start('/benchmarks', [{ role: 'civil_society', coordinator: false }]);
      const http = TestBed.inject(HttpTestingController);
      http.match('/api/inbox').forEach((request) => request.flush({ items: [], unread: 3 }));
      fixture.detectChanges();
      const badge = page.querySelector('nav a[href="/tasks"] .nav-badge');
      // The number, and for a screen reader what it counts.
      expect(badge?.textContent?.trim()).toBe('3 unread');
      expect(badge?.querySelector('.cdk-visually-hidden')?.textContent?.trim()).toBe('unread');
    });

    it('sends an anonymous visitor who opens My tasks to sign in first', async () => {
      await start('/tasks');
      expect(router.url).toBe('/sign-in?returnTo=%2Ftasks');
    });

    it('sends an anonymous visitor who opens the administration to sign in first', async () => {
      await start('/admin/users');
      expect(router.url).toBe('/sign-in?returnTo=%2Fadmin%2Fusers');
    });

    it('shows the forbidden page to a signed-in user without the admin role', async () => {
      const page = await start('/admin/users', [{ role: 'commission', coordinator: false }]);
      fixture.detectChanges();
      expect(page.querySelector('main h1')?.textContent).toBe('You may not open this page');
      expect(TestBed.inject(Title).getTitle()).toBe('Not allowed · Benchmark Tracker');
    });

    it('keeps the account page for signed-in users', async () => {
      await start('/account');
      expect(router.url).toBe('/sign-in?returnTo=%2Faccount');
    });
  });
});
