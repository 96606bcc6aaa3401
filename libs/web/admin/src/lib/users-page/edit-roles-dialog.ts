import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { UserDto } from '@bt/contracts';
import { FORM_DIALOG } from '@bt/web/ui/dialogs';
import { DialogSave } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';
import { RoleChoice, roleAssignments, roleForm } from '../role-choice';

/** A user's roles, replaced as a whole; they apply to the user's very next request. */
@Component({
  selector: 'bt-edit-roles-dialog',
  imports: [FORM_DIALOG, RoleChoice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <bt-form-dialog
      [submission]="submission"
      savingLabel="Saving the roles"
      i18n-savingLabel="@@admin.editRoles.saving"
      [minWidth]="'30rem'"
      (formSubmit)="save()"
    >
      <h2 mat-dialog-title i18n="@@admin.editRoles.title">Roles of {{ user.displayName }}</h2>
      <p class="dialog-form__who">{{ user.email }} · {{ user.organisation.name }}</p>
      <bt-role-choice [form]="roles" />
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@admin.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@admin.editRoles.submit">Save roles</button>
      </mat-dialog-actions>
    </bt-form-dialog>
  `,
  styleUrl: '../admin-dialog.scss',
})
export class EditRolesDialog {
  protected readonly user = inject<UserDto>(MAT_DIALOG_DATA);
  private readonly api = inject(AdminApi);
  private readonly dialog = inject<MatDialogRef<EditRolesDialog, UserDto>>(MatDialogRef);

  protected readonly roles = roleForm(this.user.roles);
  protected readonly submission = new DialogSave();

  protected save(): void {
    this.submission.run(
      this.api.setRoles(this.user.id, roleAssignments(this.roles)),
      (user) => this.dialog.close(user),
      $localize`:@@admin.editRoles.failed:The roles could not be saved. Please try again.`,
    );
  }
}
