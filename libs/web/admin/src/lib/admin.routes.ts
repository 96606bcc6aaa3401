import type { Routes } from '@angular/router';
import { AdminLayout } from './admin-layout';
import { OrganisationsPage } from './organisations-page/organisations-page';
import { MailPage } from './mail-page/mail-page';
import { SettingsPage } from './settings-page/settings-page';
import { UsersPage } from './users-page/users-page';

/** Loaded lazily under `/admin`, for administrators only (the app's route guards; the API decides). */
export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    component: AdminLayout,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      {
        path: 'users',
        component: UsersPage,
        title: $localize`:Title of the administration's users page@@admin.users.title:Users · Administration`,
      },
      {
        path: 'organisations',
        component: OrganisationsPage,
        title: $localize`:Title of the administration's organisations page@@admin.organisations.title:Organisations · Administration`,
      },
      {
        path: 'settings',
        component: SettingsPage,
        title: $localize`:Title of the administration's settings page@@admin.settings.title:Settings · Administration`,
      },
      {
        path: 'mail',
        component: MailPage,
        title: $localize`:Title of the administration's e-mail page@@admin.mail.title:E-mail · Administration`,
      },
    ],
  },
];
