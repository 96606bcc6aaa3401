import type { Routes } from '@angular/router';
import { hasRole, IDENTITY_ROUTES, signedIn } from '@bt/web/identity/shell';
import { NotFoundPage } from './not-found/not-found-page';

export const APP_ROUTES: Routes = [
  {
    // The home page: what needs the reader now, then the chapter at a glance (the public: the chapter alone).
    path: '',
    pathMatch: 'full',
    loadChildren: () => import('@bt/web/home').then((m) => m.HOME_ROUTES),
  },
  {
    path: 'benchmarks',
    loadChildren: () => import('@bt/web/benchmarks/routes').then((m) => m.BENCHMARK_ROUTES),
  },
  {
    // The chapter overview (benchmarks × the three assessments) and the consideration of proposals: public.
    path: 'overview',
    loadChildren: () => import('@bt/web/overview').then((m) => m.OVERVIEW_ROUTES),
  },
  {
    path: 'search',
    loadChildren: () => import('@bt/web/search').then((m) => m.SEARCH_ROUTES),
  },
  {
    path: 'tasks',
    canMatch: [signedIn],
    loadChildren: () => import('@bt/web/tasks').then((m) => m.TASK_ROUTES),
  },
  {
    path: 'action-plan',
    canMatch: [signedIn],
    loadChildren: () => import('@bt/web/action-plan').then((m) => m.ACTION_PLAN_ROUTES),
  },
  {
    // Assistance projects: public to read; the forms for signed-in writers (the API decides who).
    path: 'projects',
    loadChildren: () => import('@bt/web/assistance').then((m) => m.ASSISTANCE_ROUTES),
  },
  {
    // Written consultations: the published ones are public; the API decides the rest.
    path: 'consultations',
    loadChildren: () => import('@bt/web/consultations').then((m) => m.CONSULTATION_ROUTES),
  },
  {
    path: 'missions',
    canMatch: [signedIn],
    loadChildren: () => import('@bt/web/missions').then((m) => m.MISSION_ROUTES),
  },
  // `sign-in`, `account` (signed-in users only) and `forbidden`, each page loaded lazily.
  ...IDENTITY_ROUTES,
  {
    path: 'admin',
    canMatch: [hasRole('admin')],
    loadChildren: () => import('@bt/web/admin').then((m) => m.ADMIN_ROUTES),
  },
  {
    path: '**',
    component: NotFoundPage,
    title: $localize`:Title of the page shown for an unknown address@@notFound.title:Page not found`,
  },
];
