import type { Routes } from '@angular/router';
import { askBeforeLeaving } from '@bt/web/identity/dialogs';
import { MissionPage } from './mission-page/mission-page';
import { MissionsPage } from './missions-page/missions-page';

/** Loaded lazily under `/missions` for signed-in users; the API decides who sees which mission. Leaving unsaved text asks first. */
export const MISSION_ROUTES: Routes = [
  {
    path: '',
    component: MissionsPage,
    canDeactivate: [askBeforeLeaving],
    title: $localize`:Title of the list of peer-review missions@@missions.title:Peer-review missions`,
  },
  {
    path: ':id',
    component: MissionPage,
    canDeactivate: [askBeforeLeaving],
    title: $localize`:Title of a peer-review mission's page@@missionPage.title:Peer-review mission`,
  },
];
