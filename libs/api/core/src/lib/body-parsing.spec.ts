import { jsonDepth } from './body-parsing';

describe('jsonDepth', () => {
  it('counts how deep arrays and objects nest, not brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[{{{\\\\\\"[["}')).toBe(1);
    expect(jsonDepth('['.repeat(10_000) + ']'.repeat(10_000))).toBe(10_000);
  });

  it('stops counting once past the limit', () => {
    expect(jsonDepth('['.repeat(10_000), 32)).toBe(33);
  });
});
