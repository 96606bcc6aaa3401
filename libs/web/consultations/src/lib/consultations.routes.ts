import type { Routes } from '@angular/router';
import { hasRole, signedIn } from '@bt/web/identity';
import { askBeforeLeaving } from '@bt/web/identity/dialogs';
import { ConsultationBuilder } from './consultation-builder/consultation-builder';
import { ConsultationPage } from './consultation-page/consultation-page';
import { ConsultationsPage } from './consultations-page/consultations-page';
import { ReplyForm } from './reply-form/reply-form';
import { SummaryEditor } from './summary-editor/summary-editor';

/**
 * Loaded lazily under `/consultations`: the list and a published consultation are public; the API
 * decides the rest. Leaving the builder, the reply form or the summary editor with unsaved changes asks first.
 */
export const CONSULTATION_ROUTES: Routes = [
  { path: '', component: ConsultationsPage, title: $localize`:Title of the list of written consultations@@consultations.title:Written consultations` },
  { path: ':id', component: ConsultationPage, title: $localize`:Title of a written consultation's page@@consultation.title:Written consultation` },
  {
    path: ':id/edit',
    canMatch: [hasRole('commission')],
    canDeactivate: [askBeforeLeaving],
    component: ConsultationBuilder,
    title: $localize`:Title of the consultation builder@@consultationBuilder.pageTitle:Consultation builder`,
  },
  {
    path: ':id/reply',
    canMatch: [signedIn],
    canDeactivate: [askBeforeLeaving],
    component: ReplyForm,
    title: $localize`:Title of the reply form of a consultation@@replyForm.title:Reply to a consultation`,
  },
  {
    path: ':id/summaries',
    canMatch: [hasRole('commission')],
    canDeactivate: [askBeforeLeaving],
    component: SummaryEditor,
    title: $localize`:Title of the summary editor of a consultation@@summaryEditor.title:Summaries of the replies`,
  },
];
