import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ASSISTANCE_ROUTES } from '../lib/assistance.routes';

/**
 * Opens an assistance page (the routes under /projects, as the app mounts them) with the test's HTTP
 * backend, whose answers the spec gives: the harness to read the page, `http` to answer and verify.
 */
export async function openAssistancePage(url: string): Promise<{ harness: RouterTestingHarness; http: HttpTestingController }> {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: 'projects', children: ASSISTANCE_ROUTES }], withComponentInputBinding()),
      provideHttpClient(),
      provideHttpClientTesting(),
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  TestBed.tick();
  return { harness, http };
}

/** The texts of the page's elements that match the selector, white space folded. */
export function pageTexts(harness: RouterTestingHarness, selector: string): string[] {
  return [...(harness.routeNativeElement as HTMLElement).querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
}
