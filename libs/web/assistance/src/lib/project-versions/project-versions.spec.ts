import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ProjectVersions } from './project-versions';

@Component({
  imports: [ProjectVersions],
  template: `<bt-project-versions projectId="p-1" [version]="version()" />`,
})
class Host {
  readonly version = signal(2);
}

describe('ProjectVersions', () => {
  it('lists the versions newest first with the fields each changed, and loads again at a new version', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    http.expectOne('/api/projects/p-1/versions').flush([
      { version: 2, at: '2026-12-06T10:00:00.000Z', by: 'Claire Commission', change: 'updated', via: null, fields: ['title', 'plannedStart', 'supports'] },
      { version: 1, at: '2026-12-01T10:00:00.000Z', by: 'Marko Coordinator', change: 'created', via: 'iati-import', fields: [] },
    ]);
    await fixture.whenStable();
    fixture.detectChanges();
    const items = [...(fixture.nativeElement as HTMLElement).querySelectorAll('li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      'Version 2: changed title, planned start, benchmarks supported — Claire Commission, Dec 6, 2026',
      'Version 1: created from an IATI file — Marko Coordinator, Dec 1, 2026',
    ]);

    fixture.componentInstance.version.set(3);
    await fixture.whenStable();
    http.expectOne('/api/projects/p-1/versions').flush([]);
    http.verify();
  });
});
