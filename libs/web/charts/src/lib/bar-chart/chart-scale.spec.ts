import { niceScale } from './chart-scale';

describe('a readable y-axis', () => {
  it.each([
    [87, 100, [0, 20, 40, 60, 80, 100]],
    [12, 15, [0, 5, 10, 15]],
    [1_234_567, 1_500_000, [0, 500_000, 1_000_000, 1_500_000]],
    [0.7, 0.8, [0, 0.2, 0.4, 0.6, 0.8]],
    [0, 1, [0, 1]],
  ])('max %p → up to %p', (max, top, ticks) => {
    expect(niceScale(max)).toEqual({ max: top, ticks });
  });
});
