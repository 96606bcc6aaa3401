import type { Routes } from '@angular/router';
import { SearchPage } from './search-page/search-page';

/** Loaded lazily under `/search`; open to everyone (the API decides what each caller finds). */
export const SEARCH_ROUTES: Routes = [
  {
    path: '',
    component: SearchPage,
    title: $localize`:Title of the search results page@@search.title:Search`,
  },
];
