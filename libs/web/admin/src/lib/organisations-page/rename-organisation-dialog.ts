import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { OrganisationDto } from '@bt/contracts';
import { DialogSave } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';

/** A new name for an organisation; its kind and place stay. */
@Component({
  selector: 'bt-rename-organisation-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatProgressBar,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="@@admin.renameOrganisation.title">Rename {{ organisation.name }}</h2>
    <form (submit)="save($event)" novalidate>
      <mat-dialog-content class="dialog-form">
        <mat-form-field appearance="outline">
          <mat-label i18n="@@admin.organisation.newName">New name</mat-label>
          <input matInput [formControl]="name" autocomplete="off" maxlength="300" required cdkFocusInitial />
          @if (name.hasError('required')) {
            <mat-error i18n="@@admin.organisation.name.required">Enter the organisation's name.</mat-error>
          } @else if (name.hasError('minlength')) {
            <mat-error i18n="@@admin.organisation.name.tooShort">The name needs at least 2 characters.</mat-error>
          }
        </mat-form-field>
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" i18n-aria-label="@@admin.renameOrganisation.saving" aria-label="Saving the name" />
          }
        </div>
        @if (problem(); as problem) {
          <p class="dialog-error" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@admin.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@admin.renameOrganisation.submit">Rename</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../admin-dialog.scss',
})
export class RenameOrganisationDialog {
  protected readonly organisation = inject<OrganisationDto>(MAT_DIALOG_DATA);
  private readonly api = inject(AdminApi);
  private readonly dialog = inject<MatDialogRef<RenameOrganisationDialog, OrganisationDto>>(MatDialogRef);

  protected readonly name = new FormControl(this.organisation.name, {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(2), Validators.maxLength(300)],
  });
  private readonly submission = new DialogSave();
  protected readonly saving = this.submission.saving;
  protected readonly problem = this.submission.problem;

  protected save(event: Event): void {
    event.preventDefault();
    if (this.name.invalid) {
      this.name.markAsTouched();
      return;
    }
    const name = this.name.value.trim();
    if (name === this.organisation.name) {
      this.dialog.close();
      return;
    }
    this.submission.run(this.api.renameOrganisation(this.organisation.id, name), (organisation) => this.dialog.close(organisation), $localize`:@@admin.renameOrganisation.failed:The organisation could not be renamed. Please try again.`);
  }
}
