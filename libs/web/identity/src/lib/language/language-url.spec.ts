import { LanguageUrlSerializer } from './language-url';

describe('LanguageUrlSerializer', () => {
  const serialize = (language: 'en' | 'sr-Latn' | 'sr-Cyrl', url: string) => {
    const serializer = new LanguageUrlSerializer(language);
    return serializer.serialize(serializer.parse(url));
  };

  it('keeps a Serbian language in every address, before the fragment', () => {
    expect(serialize('sr-Cyrl', '/benchmarks')).toBe('/benchmarks?lang=sr-Cyrl');
    expect(serialize('sr-Latn', '/benchmarks/RS-24-MIG-01?tab=dialogue#p1')).toBe('/benchmarks/RS-24-MIG-01?tab=dialogue&lang=sr-Latn#p1');
  });

  it('leaves English addresses and one that already names a language as they are', () => {
    expect(serialize('en', '/benchmarks?q=asylum')).toBe('/benchmarks?q=asylum');
    expect(serialize('sr-Cyrl', '/benchmarks?lang=sr-Latn')).toBe('/benchmarks?lang=sr-Latn');
  });
});
