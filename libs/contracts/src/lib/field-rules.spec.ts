import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { EachIsObject, HasAtMostDecimals } from './field-rules';

class Figure {
  @HasAtMostDecimals(2)
  value!: unknown;
}

class Listing {
  @EachIsObject()
  items!: unknown;
}

const errorsOf = (instance: object) => validateSync(instance).flatMap((e) => Object.values(e.constraints ?? {}));
const figure = (value: unknown) => errorsOf(Object.assign(new Figure(), { value }));
const listing = (items: unknown) => errorsOf(Object.assign(new Listing(), { items }));

describe('HasAtMostDecimals', () => {
  it('accepts whole numbers and two decimals in any notation', () => {
    for (const value of [0, 7, 12.5, 125000.5, 0.01, 1e3, 2.5e-1, 999999999999999.9]) expect(figure(value)).toEqual([]);
  });

  it('refuses more decimals, also written with an exponent, and what is not a finite number (where class-validator threw)', () => {
    for (const value of [1e-7, 1.5e-7, 0.001, 12.345, Number.NaN, Number.POSITIVE_INFINITY, '12', null]) {
      expect(figure(value)).toEqual(['value must be a number with at most 2 decimals']);
    }
  });
});

describe('EachIsObject', () => {
  it('accepts a list of objects and refuses a list nested in the list, nulls and texts', () => {
    expect(listing([{ role: 'commission' }])).toEqual([]);
    expect(listing([])).toEqual([]);
    for (const items of [[[{ role: 'commission' }]], [null], ['admin'], 'admin']) expect(listing(items)).toEqual(['each item of items must be an object']);
  });
});
