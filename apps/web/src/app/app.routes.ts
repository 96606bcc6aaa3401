import type { Routes } from '@angular/router';
import { NotFoundPage } from './not-found/not-found-page';

export const APP_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'benchmarks' },
  {
    path: 'benchmarks',
    loadChildren: () => import('@bt/web/benchmarks').then((m) => m.BENCHMARK_ROUTES),
  },
  {
    path: '**',
    component: NotFoundPage,
    title: $localize`:Title of the page shown for an unknown address@@notFound.title:Page not found`,
  },
];
