import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BenchmarkListQuery } from './benchmark-list.query';

const check = (query: Record<string, string>) => {
  const instance = plainToInstance(BenchmarkListQuery, query);
  return { instance, errors: validateSync(instance).flatMap((e) => Object.values(e.constraints ?? {})) };
};

describe('BenchmarkListQuery', () => {
  it('turns query-string numbers into numbers', () => {
    const { instance, errors } = check({ country: 'RS', chapter: '24', page: '2', pageSize: '20', state: 'peerReview' });
    expect(errors).toEqual([]);
    expect(instance).toMatchObject({ chapter: 24, page: 2, pageSize: 20 });
  });

  it('explains each malformed parameter', () => {
    expect(check({ state: 'closed' }).errors).toEqual(['state must be one of draft, submitted, peerReview, accepted']);
    expect(check({ country: 'rs' }).errors).toEqual(['country must be a two-letter upper-case code such as RS']);
    expect(check({ pageSize: '201' }).errors).toEqual(['pageSize must not be greater than 200']);
    expect(check({ q: 'x'.repeat(201) }).errors).toEqual(['q must be shorter than or equal to 200 characters']);
  });
});
