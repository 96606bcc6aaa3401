import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { OrganisationDto } from '@bt/contracts';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';

/** A new name for an organisation; its kind and place stay. */
@Component({
  selector: 'bt-rename-organisation-dialog',
  imports: [FORM_DIALOG],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Saving the name"
      i18n-savingLabel="@@admin.renameOrganisation.saving"
      [minWidth]="'30rem'"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="@@admin.renameOrganisation.title">Rename {{ organisation.name }}</h2>
      <mat-form-field appearance="outline">
        <mat-label i18n="@@admin.organisation.newName">New name</mat-label>
        <input matInput [formControl]="name" autocomplete="off" maxlength="300" required cdkFocusInitial />
        @if (name.hasError('required')) {
          <mat-error i18n="@@admin.organisation.name.required">Enter the organisation's name.</mat-error>
        } @else if (name.hasError('minlength')) {
          <mat-error i18n="@@admin.organisation.name.tooShort">The name needs at least 2 characters.</mat-error>
        }
      </mat-form-field>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@admin.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@admin.renameOrganisation.submit">Rename</button>
      </mat-dialog-actions>
    </bt-form-dialog>
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
  protected readonly submission = new DialogSave();

  protected save(): void {
    if (this.name.invalid) {
      this.name.markAsTouched();
      return;
    }
    const name = this.name.value.trim();
    if (name === this.organisation.name) {
      this.dialog.close();
      return;
    }
    this.submission.run(
      this.api.renameOrganisation(this.organisation.id, name),
      (organisation) => this.dialog.close(organisation),
      $localize`:@@admin.renameOrganisation.failed:The organisation could not be renamed. Please try again.`,
    );
  }
}
