import { onFirstUse } from './on-first-use';

describe('onFirstUse', () => {
  it('loads nothing until first asked, then once', () => {
    let loads = 0;
    const library = onFirstUse(() => ({ loaded: ++loads }));
    expect(loads).toBe(0);
    expect(library()).toEqual({ loaded: 1 });
    expect(library()).toBe(library());
    expect(loads).toBe(1);
  });
});
