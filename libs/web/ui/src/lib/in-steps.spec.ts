import { ApplicationRef, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { inSteps } from './in-steps';

const numbers = (count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i);
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('inSteps', () => {
  it('shows the first items at once, then more in each following task, and is stable only when all are shown', async () => {
    const items = signal(numbers(20));
    const shown = TestBed.runInInjectionContext(() => inSteps(items, { first: 8, step: 5 }));
    TestBed.tick();
    expect(shown()).toEqual(numbers(8));
    let stable = false;
    void TestBed.inject(ApplicationRef)
      .whenStable()
      .then(() => (stable = true));

    await nextTask();
    TestBed.tick();
    expect(shown()).toEqual(numbers(13));
    expect(stable).toBe(false);

    await TestBed.inject(ApplicationRef).whenStable();
    expect(shown()).toEqual(numbers(20));
    expect(stable).toBe(true);
  });

  it('brings items added later in steps too, after those already shown', async () => {
    const items = signal(numbers(4));
    const shown = TestBed.runInInjectionContext(() => inSteps(items, { first: 8, step: 5 }));
    TestBed.tick();
    expect(shown()).toEqual(numbers(4));

    items.set(numbers(20));
    TestBed.tick();
    expect(shown()).toEqual(numbers(8));
    await TestBed.inject(ApplicationRef).whenStable();
    expect(shown()).toEqual(numbers(20));
  });

  it('gives a short list whole, at once', () => {
    const items = signal(numbers(3));
    const shown = TestBed.runInInjectionContext(() => inSteps(items));
    TestBed.tick();
    expect(shown()).toBe(items());
  });
});
