import { illFormedText, jsonDepth } from './body-parsing';

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

describe('illFormedText', () => {
  it('names the first text with a lone surrogate or a NUL, and passes whole pairs', () => {
    expect(illFormedText({ title: 'Poglavlje 24 😀', links: [{ label: 'ok' }] })).toBeNull();
    expect(illFormedText({ links: [{ label: 'a\u0000b' }] })).toBe('links[0].label');
    expect(illFormedText({ email: 'a\ud800b@x.test' })).toBe('email');
    expect(illFormedText({ note: 'x\udc00' })).toBe('note');
    expect(illFormedText('\ud83d')).toBe('');
    expect(illFormedText({ ['k\u0000']: 1 })).toBe('k\u0000');
  });
});
