import type { Routes } from '@angular/router';
import { BenchmarkPage } from './benchmark-page/benchmark-page';
import { BenchmarksPage } from './benchmarks-page/benchmarks-page';

export const BENCHMARK_ROUTES: Routes = [
  {
    path: '',
    component: BenchmarksPage,
    title: $localize`:Title of the benchmarks page@@benchmarks.title:Benchmarks`,
  },
  {
    path: ':code',
    component: BenchmarkPage,
    title: (route) => {
      const code = route.paramMap.get('code') ?? '';
      return $localize`:Title of a benchmark page@@benchmark.title:Benchmark ${code}:code:`;
    },
  },
];
