import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { catchError, of } from 'rxjs';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';
import { organisationPlace } from '../organisation-kinds';

/**
 * Identity settings: whether single sign-on creates accounts for newcomers, and in which organisation;
 * whether admins and Commission users must sign in in two steps.
 */
@Component({
  selector: 'bt-settings-page',
  imports: [ReactiveFormsModule, MatButton, MatCheckbox, MatFormField, MatLabel, MatHint, MatSelect, MatOption, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="section-title" id="settings-sso" i18n="@@admin.settings.sso.heading">Single sign-on: new accounts</h2>
    <p class="explanation" i18n="@@admin.settings.sso.text">
      When someone signs in with single sign-on and has no Benchmark Tracker account yet, the platform can create one for them in an organisation you choose.
      Leave this off to let in only the users created here.
    </p>

    <div class="progress-slot">
      @if (loading() || saving()) {
        <mat-progress-bar mode="indeterminate" i18n-aria-label="@@admin.settings.busy" aria-label="Loading or saving the settings" />
      }
    </div>

    @if (loadFailed()) {
      <p class="error" role="alert" i18n="@@admin.settings.loadFailed">The settings could not be loaded. Reload the page to try again.</p>
    } @else {
      <form class="settings" (submit)="save($event)" i18n-aria-label="@@admin.settings.formLabel" aria-label="Identity settings">
        <mat-form-field appearance="outline">
          <mat-label i18n="@@admin.settings.sso.organisation">New single sign-on accounts</mat-label>
          <mat-select [formControl]="organisationId">
            <mat-option value="" i18n="@@admin.settings.sso.off">Off: no account is created</mat-option>
            @for (organisation of organisations(); track organisation.id) {
              <mat-option [value]="organisation.id">{{ organisation.name }} ({{ place(organisation) }})</mat-option>
            }
          </mat-select>
          <mat-hint i18n="@@admin.settings.sso.hint">Roles are not given automatically: assign them on the Users page.</mat-hint>
        </mat-form-field>

        <h2 class="section-title" id="settings-second-factor" i18n="@@admin.settings.secondFactor.heading">Two-step sign-in</h2>
        <p class="explanation" i18n="@@admin.settings.secondFactor.text">
          Admins and Commission users can change everything. When this is on, they must sign in with a code from an authenticator app (or through a single
          sign-on provider that checked a second factor); until they have set it up, they see only their account page. Anyone may set it up for themselves in
          any case.
        </p>
        <mat-checkbox [formControl]="secondFactorRequired" class="settings__second-factor" i18n="@@admin.settings.secondFactor.required">
          Require two-step sign-in for admins and Commission users
        </mat-checkbox>
        @if (saveProblem(); as problem) {
          <p class="error" role="alert">{{ problem }}</p>
        }
        <button matButton="filled" type="submit" class="settings__save" i18n="@@admin.settings.save">Save settings</button>
      </form>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 44rem;
    }
    .section-title {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-large);
    }
    .progress-slot {
      height: 4px;
      margin: 8px 0;
    }
    .settings {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .settings__save {
      align-self: flex-start;
    }
    .error {
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class SettingsPage {
  private readonly api = inject(AdminApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly place = organisationPlace;
  protected readonly organisations = toSignal(this.api.organisations().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  /** The organisation's id, or '' for off. Both fields wait for the stored settings: a choice made before would be overwritten. */
  protected readonly organisationId = new FormControl({ value: '', disabled: true }, { nonNullable: true });
  protected readonly secondFactorRequired = new FormControl({ value: false, disabled: true }, { nonNullable: true });
  protected readonly loading = signal(true);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly saveProblem = signal<string | null>(null);

  constructor() {
    this.api.settings().subscribe({
      next: (settings) => {
        this.organisationId.setValue(settings.oidcSelfProvisioningOrganisationId ?? '');
        this.secondFactorRequired.setValue(settings.secondFactorRequired);
        this.organisationId.enable();
        this.secondFactorRequired.enable();
        this.loading.set(false);
      },
      error: () => {
        this.loading.set(false);
        this.loadFailed.set(true);
      },
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.saving() || this.loading()) return;
    this.saving.set(true);
    this.saveProblem.set(null);
    const change = { oidcSelfProvisioningOrganisationId: this.organisationId.value || null, secondFactorRequired: this.secondFactorRequired.value };
    this.api.saveSettings(change).subscribe({
      next: (settings) => {
        this.saving.set(false);
        this.organisationId.setValue(settings.oidcSelfProvisioningOrganisationId ?? '');
        this.secondFactorRequired.setValue(settings.secondFactorRequired);
        this.snackBar.open($localize`:@@admin.settings.saved:Settings saved.`, undefined, { duration: 5000 });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveProblem.set(
          (error instanceof HttpErrorResponse && apiErrorMessage(error)) ||
            $localize`:@@admin.settings.saveFailed:The settings could not be saved. Please try again.`,
        );
      },
    });
  }
}
