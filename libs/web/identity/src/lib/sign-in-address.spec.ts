import { safeReturnTo } from './sign-in-address';

describe('safeReturnTo', () => {
  it('follows a path of this app, with its query', () => {
    expect(safeReturnTo('/benchmarks/RS-24-MIG-02')).toBe('/benchmarks/RS-24-MIG-02');
    expect(safeReturnTo('/benchmarks?q=asylum&area=ASY')).toBe('/benchmarks?q=asylum&area=ASY');
    expect(safeReturnTo('/admin/users')).toBe('/admin/users');
  });

  it('falls back to the benchmarks for anything else', () => {
    for (const unsafe of [
      undefined,
      null,
      '',
      'benchmarks',
      'https://evil.example/',
      '//evil.example/path',
      '/\\evil.example',
      'javascript:alert(1)',
      '/sign-in',
      '/sign-in?returnTo=/admin',
      '/api/auth/logout',
    ]) {
      expect(safeReturnTo(unsafe)).toBe('/benchmarks');
    }
  });

  it('does not confuse a page whose name merely starts like another', () => {
    expect(safeReturnTo('/sign-ins-report')).toBe('/sign-ins-report');
  });
});
