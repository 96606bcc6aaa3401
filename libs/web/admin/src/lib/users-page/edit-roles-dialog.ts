import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { UserDto } from '@bt/contracts';
import { DialogSave } from '@bt/web/ui/refusals';
import { AdminApi } from '../admin-api';
import { RoleChoice, roleAssignments, roleForm } from '../role-choice';

/** A user's roles, replaced as a whole; they apply to the user's very next request. */
@Component({
  selector: 'bt-edit-roles-dialog',
  imports: [MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatProgressBar, RoleChoice],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="@@admin.editRoles.title">Roles of {{ user.displayName }}</h2>
    <form (submit)="save($event)">
      <mat-dialog-content class="dialog-form">
        <p class="dialog-form__who">{{ user.email }} · {{ user.organisation.name }}</p>
        <bt-role-choice [form]="roles" />
        <div class="progress-slot">
          @if (saving()) {
            <mat-progress-bar mode="indeterminate" i18n-aria-label="@@admin.editRoles.saving" aria-label="Saving the roles" />
          }
        </div>
        @if (problem(); as problem) {
          <p class="dialog-error" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close i18n="@@admin.dialog.cancel">Cancel</button>
        <button matButton="filled" type="submit" i18n="@@admin.editRoles.submit">Save roles</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../admin-dialog.scss',
})
export class EditRolesDialog {
  protected readonly user = inject<UserDto>(MAT_DIALOG_DATA);
  private readonly api = inject(AdminApi);
  private readonly dialog = inject<MatDialogRef<EditRolesDialog, UserDto>>(MatDialogRef);

  protected readonly roles = roleForm(this.user.roles);
  private readonly submission = new DialogSave();
  protected readonly saving = this.submission.saving;
  protected readonly problem = this.submission.problem;

  protected save(event: Event): void {
    event.preventDefault();
    this.submission.run(this.api.setRoles(this.user.id, roleAssignments(this.roles)), (user) => this.dialog.close(user), $localize`:@@admin.editRoles.failed:The roles could not be saved. Please try again.`);
  }
}
