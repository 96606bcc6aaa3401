import type { Routes } from '@angular/router';
import { ActionPlanPage } from './action-plan-page/action-plan-page';

/** Loaded lazily under `/action-plan`, for signed-in users (the app's route guard; the API decides what each sees). */
export const ACTION_PLAN_ROUTES: Routes = [
  {
    path: '',
    component: ActionPlanPage,
    title: $localize`:Title of the page listing the national Action Plan's activities@@actionPlan.title:Action Plan`,
  },
];
