import type { Routes } from '@angular/router';

/** Loaded lazily under `/tasks`, for signed-in users (the app's route guard; the API decides). */
export const TASK_ROUTES: Routes = [
  {
    path: '',
    // Loaded when opened: the home page, the first page of most visits, imports this library's
    // wording of tasks and inbox items, and would otherwise download this page (and the refusal texts) with it.
    loadComponent: () => import('./tasks-page/tasks-page').then((m) => m.TasksPage),
    title: $localize`:Title of the page with the user's inbox and what awaits them@@tasks.title:Inbox & tasks`,
  },
];
