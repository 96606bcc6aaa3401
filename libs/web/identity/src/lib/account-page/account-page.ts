import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, type ElementRef, inject, signal, viewChild } from '@angular/core';
import { type AbstractControl, FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { roleAssignmentLabel } from '@bt/web/ui';
import { apiErrorMessage } from '@bt/web/ui/refusals';
import { AuthSession } from '../auth-session';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-rule';
import { NotificationPreferencesCard } from './notification-preferences-card';
import { SecondFactorCard } from './second-factor-card';
import { SessionsCard } from './sessions-card';

type PasswordOutcome =
  | { readonly kind: 'changed' }
  | { readonly kind: 'wrongCurrent' }
  | { readonly kind: 'rejected'; readonly detail: string | null }
  | { readonly kind: 'failed' };

/** Who I am, two-step sign-in, my password, my sessions on every device, and how I am notified. */
@Component({
  selector: 'bt-account-page',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatHint, MatError, MatInput, SecondFactorCard, SessionsCard, NotificationPreferencesCard],
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountPage {
  private readonly session = inject(AuthSession);
  private readonly currentInput = viewChild.required<ElementRef<HTMLInputElement>>('currentInput');
  private readonly passwordForm = viewChild.required(FormGroupDirective);

  protected readonly me = this.session.me;
  protected readonly roles = computed(() => (this.me()?.roles ?? []).map(roleAssignmentLabel));
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected readonly form = new FormGroup(
    {
      currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
      newPassword: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
      }),
      repeatPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [samePasswords] },
  );

  protected readonly changing = signal(false);
  protected readonly outcome = signal<PasswordOutcome | null>(null);

  protected changePassword(): void {
    if (this.changing()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.changing.set(true);
    this.outcome.set(null);
    this.session.changePassword(currentPassword, newPassword).subscribe({
      next: () => {
        this.changing.set(false);
        this.outcome.set({ kind: 'changed' });
        this.passwordForm().resetForm();
      },
      error: (error: unknown) => {
        this.changing.set(false);
        this.outcome.set(passwordOutcome(error));
        if (error instanceof HttpErrorResponse && error.status === 401) {
          this.form.controls.currentPassword.reset();
          this.currentInput().nativeElement.focus();
        }
      },
    });
  }
}

function samePasswords(group: AbstractControl): ValidationErrors | null {
  const { newPassword, repeatPassword } = (group as FormGroup).getRawValue() as Record<string, string>;
  return repeatPassword && newPassword !== repeatPassword ? { passwordsDiffer: true } : null;
}

function passwordOutcome(error: unknown): PasswordOutcome {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 401) return { kind: 'wrongCurrent' };
    if (error.status === 400) return { kind: 'rejected', detail: apiErrorMessage(error) };
  }
  return { kind: 'failed' };
}
