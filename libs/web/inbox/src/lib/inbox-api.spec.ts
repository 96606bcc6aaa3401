import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { InboxApi } from './inbox-api';

describe('InboxApi', () => {
  let api: InboxApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(InboxApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('keeps the unread count of the last inbox it loaded, for the navigation badge', () => {
    api.refresh();
    http.expectOne('/api/inbox').flush({ items: [], unread: 4 });
    expect(api.unread()).toBe(4);
  });

  it('marks items read, then reloads the inbox and its count', () => {
    let unread = -1;
    api.markRead(['a', 'b']).subscribe((inbox) => (unread = inbox.unread));
    const post = http.expectOne('/api/inbox/read');
    expect([post.request.method, post.request.body]).toEqual(['POST', { keys: ['a', 'b'] }]);
    post.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/inbox').flush({ items: [], unread: 0 });
    expect([unread, api.unread()]).toEqual([0, 0]);
  });

  it('keeps the last count when a refresh fails, and forgets it on sign-out', () => {
    api.refresh();
    http.expectOne('/api/inbox').flush({ items: [], unread: 2 });
    api.refresh();
    http.expectOne('/api/inbox').flush(null, { status: 503, statusText: 'Service Unavailable' });
    expect(api.unread()).toBe(2);
    api.clear();
    expect(api.unread()).toBe(0);
  });
});
