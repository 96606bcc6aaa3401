/** A y-axis that people can read: 0 to a round maximum in 1-2-5 steps. */
export function niceScale(max: number, targetTicks = 5): { max: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const rough = max / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { max: top, ticks };
}

/** Fill patterns, so each series reads apart in grey and for people who do not tell the colours apart. */
export const SERIES_STYLES = [
  { colour: '#1f4e9c', pattern: 'solid' },
  { colour: '#c0561b', pattern: 'stripes' },
  { colour: '#2e7d32', pattern: 'dots' },
  { colour: '#6a3d9a', pattern: 'crosshatch' },
  { colour: '#8d6e00', pattern: 'vertical' },
  { colour: '#ad1457', pattern: 'horizontal' },
] as const;
