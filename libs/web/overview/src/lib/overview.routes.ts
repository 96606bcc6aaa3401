import type { Routes } from '@angular/router';
import { ChapterOverviewPage } from './chapter-overview/chapter-overview-page';

/** Loaded lazily under `/overview`; public: published assessments and figures only. */
export const OVERVIEW_ROUTES: Routes = [
  {
    path: '',
    component: ChapterOverviewPage,
    title: $localize`:Title of the chapter overview page@@overview.title:Chapter overview`,
  },
  {
    path: 'consideration',
    // Loaded when opened, so the overview's first visit does not carry its charts and filters.
    loadComponent: () => import('./consideration/consideration-page').then((m) => m.ConsiderationPage),
    title: $localize`:Title of the page measuring how civil-society proposals were considered@@consideration.title:Consideration of proposals`,
  },
];
