import { budgetOf } from './activity-budget';

describe("an activity's budget", () => {
  it('is all three parts or none', () => {
    expect(budgetOf(undefined, undefined, undefined)).toBeNull();
    expect(budgetOf(350000, 'EUR', ' IPA 2020 ')).toEqual([350000, 'EUR', 'IPA 2020']);
    expect(budgetOf(0, 'EUR', 'State budget')).toEqual([0, 'EUR', 'State budget']);
  });

  it('is refused when a part is missing or blank', () => {
    expect(budgetOf(5, undefined, undefined)).toBe('partial');
    expect(budgetOf(5, 'EUR', '  ')).toBe('partial');
    expect(budgetOf(undefined, 'EUR', 'IPA')).toBe('partial');
    expect(budgetOf(null, 'EUR', 'IPA')).toBe('partial');
    expect(budgetOf(null, null, null)).toBeNull();
  });
});
