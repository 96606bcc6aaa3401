import type { Routes } from '@angular/router';
import { BenchmarksPage } from './benchmarks-page/benchmarks-page';

export const BENCHMARK_ROUTES: Routes = [
  {
    path: '',
    component: BenchmarksPage,
    title: $localize`:Title of the benchmarks page@@benchmarks.title:Benchmarks`,
  },
  {
    // Loaded when opened: the page, its tabs, dialogs, date pickers, Markdown and workflow are most of
    // the app's code, and the first page (the list) needs none of it.
    path: ':code',
    loadComponent: () => import('./benchmark-page/benchmark-page').then((m) => m.BenchmarkPage),
    title: (route) => {
      const code = route.paramMap.get('code') ?? '';
      return $localize`:Title of a benchmark page@@benchmark.title:Benchmark ${code}:code:`;
    },
  },
];
