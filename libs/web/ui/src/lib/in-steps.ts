import { computed, DestroyRef, effect, inject, PendingTasks, type Signal, signal, untracked } from '@angular/core';

/**
 * The first `first` items of a list at once, then `step` more in each following task until all are
 * shown: a long table or list is rendered in short tasks instead of one long one, so the page stays
 * responsive while it fills (Lighthouse's total blocking time counts every task over 50 ms). Items
 * added later (a "Show more") come in steps too. Until all are shown the app is not stable
 * (`PendingTasks`), so tests awaiting `whenStable()` see the whole list. Call it in an injection context.
 */
export function inSteps<T>(items: Signal<readonly T[]>, { first = 8, step = 8 }: { first?: number; step?: number } = {}): Signal<readonly T[]> {
  const pendingTasks = inject(PendingTasks);
  const shown = signal(first);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: (() => void) | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    settle?.();
    settle = undefined;
  };
  effect(() => {
    const total = items().length;
    const count = shown();
    untracked(() => {
      if (count >= total) return stop();
      settle ??= pendingTasks.add();
      clearTimeout(timer);
      timer = setTimeout(() => shown.set(count + step));
    });
  });
  inject(DestroyRef).onDestroy(stop);
  return computed(() => {
    const all = items();
    const count = shown();
    return all.length > count ? all.slice(0, count) : all;
  });
}
