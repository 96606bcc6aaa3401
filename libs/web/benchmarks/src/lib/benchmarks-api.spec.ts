import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { BenchmarksApi } from './benchmarks-api';

describe('BenchmarksApi', () => {
  let api: BenchmarksApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(BenchmarksApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for the areas of one chapter', () => {
    api.areas({ country: 'RS', chapter: 24 }).subscribe();
    const request = http.expectOne((r) => r.url === '/api/areas');
    expect(request.request.method).toBe('GET');
    expect(request.request.urlWithParams).toBe('/api/areas?country=RS&chapter=24');
    request.flush([]);
  });

  it('sends every filter that is set', () => {
    api.list({ country: 'RS', chapter: 24, area: 'MIG', state: 'draft', q: ' asylum seekers ', after: 'RS-24-MIG-02', pageSize: 50 }).subscribe();
    const request = http.expectOne((r) => r.url === '/api/benchmarks');
    expect(request.request.urlWithParams).toBe('/api/benchmarks?country=RS&chapter=24&area=MIG&state=draft&q=asylum%20seekers&after=RS-24-MIG-02&pageSize=50');
    request.flush({ items: [], total: 0, page: 1, pageSize: 200 });
  });

  it('leaves out filters that are not set, since the API refuses empty ones', () => {
    api.list({ country: 'RS', chapter: 24, area: null, state: null, q: '  ' }).subscribe();
    http.expectOne('/api/benchmarks?country=RS&chapter=24').flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('asks for one benchmark by its code', () => {
    api.get('RS-24-MIG-02').subscribe();
    http.expectOne('/api/benchmarks/RS-24-MIG-02').flush({});
  });

  it('escapes a code typed into the address bar', () => {
    api.get('RS/../x').subscribe();
    http.expectOne('/api/benchmarks/RS%2F..%2Fx').flush({});
  });
});
