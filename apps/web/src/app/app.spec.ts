import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { BehaviorSubject, map } from 'rxjs';
import { App, NARROW_LAYOUT_QUERY } from './app';
import { AppTitleStrategy } from './app-title-strategy';
import { APP_ROUTES } from './app.routes';

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let router: Router;
  const narrow = new BehaviorSubject(false);

  async function start(url = '/'): Promise<HTMLElement> {
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
              expect(query).toBe(NARROW_LAYOUT_QUERY);
              return narrow.pipe(map((matches): BreakpointState => ({ matches, breakpoints: {} })));
            },
          },
        },
      ],
    });
    router = TestBed.inject(Router);
    fixture = TestBed.createComponent(App);
    await router.navigateByUrl(url);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    // The benchmarks page loads its data; the shell tests do not answer it.
    TestBed.inject(HttpTestingController).match(() => true);
    narrow.next(false);
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

  it('opens on the benchmarks, marked as the current page in the navigation', async () => {
    const page = await start('/');
    expect(router.url).toBe('/benchmarks');
    fixture.detectChanges();

    const link = page.querySelector('nav a[href="/benchmarks"]') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toContain('Benchmarks');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(page.querySelector('main bt-benchmarks-page')).not.toBeNull();
    expect(TestBed.inject(Title).getTitle()).toBe('Benchmarks · Benchmark Tracker');
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

    menu.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(menu.getAttribute('aria-expanded')).toBe('true');
  });
});
