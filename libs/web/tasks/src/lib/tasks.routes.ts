import type { Routes } from '@angular/router';
import { TasksPage } from './tasks-page/tasks-page';

/** Loaded lazily under `/tasks`, for signed-in users (the app's route guard; the API decides). */
export const TASK_ROUTES: Routes = [
  {
    path: '',
    component: TasksPage,
    title: $localize`:Title of the page with the user's inbox and what awaits them@@tasks.title:Inbox & tasks`,
  },
];
