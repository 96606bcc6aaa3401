import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import type { Role, RoleAssignmentDto } from '@bt/contracts';
import { startWith, switchMap } from 'rxjs';
import { ROLE_OPTIONS } from '@bt/web/ui';

export type RoleForm = FormGroup<{
  roles: FormGroup<Record<Role, FormControl<boolean>>>;
  coordinator: FormControl<boolean>;
}>;

/** A form for a user's roles: one checkbox per role, and whether a ministry member is a coordinator. */
export function roleForm(assignments: readonly RoleAssignmentDto[] = []): RoleForm {
  const held = new Set(assignments.map((assignment) => assignment.role));
  const roles = Object.fromEntries(ROLE_OPTIONS.map(({ role }) => [role, new FormControl(held.has(role), { nonNullable: true })])) as Record<
    Role,
    FormControl<boolean>
  >;
  const coordinator = assignments.some((assignment) => assignment.role === 'ministry' && assignment.coordinator);
  return new FormGroup({
    roles: new FormGroup(roles),
    coordinator: new FormControl(coordinator, { nonNullable: true }),
  });
}

/** The role assignments a role form stands for; only a ministry member can be a coordinator. */
export function roleAssignments(form: RoleForm): RoleAssignmentDto[] {
  const { roles, coordinator } = form.getRawValue();
  return ROLE_OPTIONS.filter(({ role }) => roles[role]).map(({ role }) => ({
    role,
    coordinator: role === 'ministry' && coordinator,
  }));
}

/** The role checkboxes of a user, with the coordinator switch shown only for the ministry role. */
@Component({
  selector: 'bt-role-choice',
  imports: [ReactiveFormsModule, MatCheckbox, MatSlideToggle],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="roles" [formGroup]="form()">
      <legend class="roles__legend" i18n="@@admin.roles.legend">Roles</legend>
      <div class="roles__choices" formGroupName="roles">
        @for (option of roleOptions; track option.role) {
          <mat-checkbox [formControlName]="option.role">{{ option.label }}</mat-checkbox>
        }
      </div>
      @if (ministry()) {
        <mat-slide-toggle class="roles__coordinator" formControlName="coordinator" i18n="@@admin.roles.coordinator"
          >Coordinator: may submit the benchmarks of their country</mat-slide-toggle
        >
      }
    </fieldset>
  `,
  styles: `
    .roles {
      margin: 0 0 16px;
      padding: 8px 16px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
    }
    .roles__legend {
      padding: 0 4px;
      font: var(--mat-sys-label-large);
    }
    .roles__choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
    .roles__coordinator {
      margin: 8px 0 0 8px;
    }
  `,
})
export class RoleChoice {
  readonly form = input.required<RoleForm>();

  protected readonly roleOptions = ROLE_OPTIONS;
  protected readonly ministry = toSignal(
    toObservable(this.form).pipe(
      switchMap((form) => {
        const ministry = form.controls.roles.controls.ministry;
        return ministry.valueChanges.pipe(startWith(ministry.value));
      }),
    ),
    { initialValue: false },
  );
}
