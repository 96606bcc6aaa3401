import { BENCHMARK_STATES } from '@bt/workflow';
import { BENCHMARK_STATE_PRESENTATIONS, benchmarkStateLabel, benchmarkStatePresentation, type ColourPair } from './benchmark-state-label';

/** WCAG 2.x contrast ratio of two `#rrggbb` colours. */
function contrast({ background, text }: ColourPair): number {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [lighter, darker] = [luminance(background), luminance(text)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

describe('benchmark state labels', () => {
  it('names every workflow state in words a reader understands', () => {
    expect(BENCHMARK_STATES.map(benchmarkStateLabel)).toEqual(['Draft', 'Submitted', 'Peer review', 'Accepted']);
  });

  it('lists the states in workflow order for filters', () => {
    expect(BENCHMARK_STATE_PRESENTATIONS.map((p) => p.state)).toEqual([...BENCHMARK_STATES]);
  });

  it('gives each state its own colour, in light and in dark pages', () => {
    const light = new Set(BENCHMARK_STATES.map((s) => benchmarkStatePresentation(s).light.background));
    const dark = new Set(BENCHMARK_STATES.map((s) => benchmarkStatePresentation(s).dark.background));
    expect(light.size).toBe(BENCHMARK_STATES.length);
    expect(dark.size).toBe(BENCHMARK_STATES.length);
  });

  it.each(BENCHMARK_STATES)('keeps the %s label readable (WCAG AA, 4.5:1) on both themes', (state) => {
    const { light, dark } = benchmarkStatePresentation(state);
    expect(contrast(light)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(dark)).toBeGreaterThanOrEqual(4.5);
  });

  it('measures contrast correctly (black on white is 21:1)', () => {
    expect(contrast({ background: '#ffffff', text: '#000000' })).toBeCloseTo(21, 5);
  });
});
