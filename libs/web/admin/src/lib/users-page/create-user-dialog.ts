import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CreateUserRequest, IssuedPasswordDto, OrganisationDto } from '@bt/contracts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@bt/web/identity';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';
import { organisationPlace } from '../organisation-kinds';
import { RoleChoice, roleAssignments, roleForm } from '../role-choice';

export interface CreateUserDialogData {
  readonly organisations: readonly OrganisationDto[];
}

/** A new user: e-mail, name, organisation, roles, and a password or none (then one is generated). */
@Component({
  selector: 'bt-create-user-dialog',
  imports: [FORM_DIALOG, MatSelect, MatOption, RoleChoice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './create-user-dialog.html',
  styleUrl: '../admin-dialog.scss',
})
export class CreateUserDialog {
  protected readonly data = inject<CreateUserDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(AdminApi);
  private readonly dialog = inject<MatDialogRef<CreateUserDialog, IssuedPasswordDto>>(MatDialogRef);

  protected readonly organisationPlace = organisationPlace;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly roles = roleForm();
  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email, Validators.maxLength(254)],
    }),
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    organisationId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    }),
  });

  protected readonly submission = new DialogSave();

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, displayName, organisationId, password } = this.form.getRawValue();
    const request: CreateUserRequest = {
      email: email.trim(),
      displayName: displayName.trim(),
      organisationId,
      roles: roleAssignments(this.roles),
      // Without a password the API generates one, to be shown once.
      ...(password ? { password } : {}),
    };
    this.submission.run(
      this.api.createUser(request),
      (issued) => this.dialog.close(issued),
      $localize`:@@admin.createUser.failed:The user could not be created. Please try again.`,
      // 409: the e-mail is taken — said on the field; 400 and 422 explain themselves.
      (error) => {
        if (error.status !== 409) return false;
        this.form.controls.email.setErrors({ taken: true });
        this.form.controls.email.markAsTouched();
        return true;
      },
    );
  }
}
