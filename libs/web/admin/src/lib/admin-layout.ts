import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

/** The administration: one heading, and a tab per section (users, organisations, settings, e-mail). */
@Component({
  selector: 'bt-admin-layout',
  imports: [MatTabNav, MatTabLink, MatTabNavPanel, RouterLink, RouterLinkActive, RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="page-title" i18n="@@admin.heading">Administration</h1>
    <nav mat-tab-nav-bar [tabPanel]="panel" i18n-aria-label="@@admin.sections" aria-label="Administration sections">
      @for (section of sections; track section.path) {
        <a mat-tab-link [routerLink]="section.path" routerLinkActive #active="routerLinkActive" [active]="active.isActive">{{ section.label }}</a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    :host {
      display: block;
      max-width: 80rem;
      padding: 16px 24px 48px;
    }
    .page-title {
      margin: 8px 0 16px;
      font: var(--mat-sys-headline-medium);
    }
  `,
})
export class AdminLayout {
  protected readonly sections = [
    { path: 'users', label: $localize`:Administration section@@admin.section.users:Users` },
    { path: 'organisations', label: $localize`:Administration section@@admin.section.organisations:Organisations` },
    { path: 'settings', label: $localize`:Administration section@@admin.section.settings:Settings` },
    { path: 'mail', label: $localize`:Administration section@@admin.section.mail:E-mail` },
  ];
}
