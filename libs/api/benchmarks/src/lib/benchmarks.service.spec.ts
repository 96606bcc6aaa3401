import { catalogueQuery } from './benchmarks.service';

describe('catalogueQuery', () => {
  it('asks for the beginning of every word, in any case', () => {
    expect(catalogueQuery(' Migr  Asylum ')).toBe('migr:* & asylum:*');
  });

  it('finds the parts of a code in a row', () => {
    expect(catalogueQuery('RS-24-MIG')).toBe('rs <-> 24 <-> mig:*');
  });

  it('also finds a dj spelling written with đ', () => {
    expect(catalogueQuery('pravosudje')).toBe('(pravosudje:* | pravosude:*)');
  });

  it('passes only letters and digits, and matches nothing for a word without any', () => {
    expect(catalogueQuery("x' | !y:*")).toBeNull();
    expect(catalogueQuery("o'brien")).toBe('o <-> brien:*');
    expect(catalogueQuery('   ')).toBeUndefined();
  });
});
