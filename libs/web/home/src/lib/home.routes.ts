import type { Routes } from '@angular/router';
import { HomePage } from './home-page/home-page';

/** Loaded lazily at `/`: what needs the reader now, then the chapter at a glance. */
export const HOME_ROUTES: Routes = [
  {
    path: '',
    component: HomePage,
    title: $localize`:Title of the home page@@home.title:Home`,
  },
];
