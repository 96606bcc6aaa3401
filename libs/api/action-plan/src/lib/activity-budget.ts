/**
 * An activity's budget is its amount, currency and source together, or nothing: a figure without
 * its currency or its source cannot be compared or checked. `partial` when only some are given
 * (a part sent as null is not given).
 */
export function budgetOf(
  amount: number | null | undefined,
  currency: string | null | undefined,
  source: string | null | undefined,
): [number, string, string] | null | 'partial' {
  const given = [amount != null, currency != null, source != null && source.trim() !== ''];
  if (given.every((g) => !g)) return null;
  if (!given.every((g) => g)) return 'partial';
  return [amount as number, currency as string, (source as string).trim()];
}
