import type { Routes } from '@angular/router';
import { signedIn } from '@bt/web/identity';
import { CoveragePage } from './support-coverage/coverage-page';
import { ProjectFormPage } from './project-form/project-form-page';
import { ProjectPage } from './project-page/project-page';
import { ProjectsPage } from './projects-page/projects-page';

/** Loaded lazily under `/projects`: the list and a project are public; the forms are for signed-in writers (the API decides). */
export const ASSISTANCE_ROUTES: Routes = [
  {
    path: '',
    component: ProjectsPage,
    title: $localize`:Title of the page listing assistance projects@@assistance.title:Assistance projects`,
  },
  {
    path: 'coverage',
    component: CoveragePage,
    title: $localize`:Title of the page showing which benchmarks assistance projects serve@@coverage.title:Support coverage`,
  },
  {
    path: 'new',
    canMatch: [signedIn],
    component: ProjectFormPage,
    title: $localize`:Title of the page adding an assistance project@@assistance.new.title:New assistance project`,
  },
  {
    path: ':id',
    component: ProjectPage,
    title: $localize`:Title of an assistance project's page@@assistance.project.title:Assistance project`,
  },
  {
    path: ':id/edit',
    canMatch: [signedIn],
    component: ProjectFormPage,
    title: $localize`:Title of the page changing an assistance project@@assistance.edit.title:Change an assistance project`,
  },
];
