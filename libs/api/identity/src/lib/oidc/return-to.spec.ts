import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each(['/', '/benchmarks', '/benchmarks/RS-24-MIG-02?tab=evidence#x', '/search?q=a%20b'])('keeps the same-site path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    ['a scheme-relative URL', '//evil.example'],
    ['a scheme-relative URL with a path', '//evil.example/benchmarks'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['a tab browsers strip', '/\t/evil.example'],
    ['a newline', '/benchmarks\r\nSet-Cookie: x=1'],
    ['a space', '/a b'],
    ['non-ASCII text', '/bénchmarks'],
    ['a relative path', 'benchmarks'],
    ['nothing', ''],
    ['an array', ['/a', '/b']],
    ['undefined', undefined],
    ['a very long path', `/${'a'.repeat(2001)}`],
  ])('turns %s into /', (_, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});
