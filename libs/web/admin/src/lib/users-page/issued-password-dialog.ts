import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import type { UserDto } from '@bt/contracts';

export interface IssuedPasswordDialogData {
  readonly user: UserDto;
  readonly temporaryPassword: string;
}

/**
 * A generated password, shown this once: the API keeps only its hash. The dialog closes only by its
 * button, so a stray click or Escape cannot lose the password before it was copied.
 */
@Component({
  selector: 'bt-issued-password-dialog',
  imports: [MatButton, MatIcon, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title i18n="@@admin.issuedPassword.title">Temporary password for {{ data.user.displayName }}</h2>
    <mat-dialog-content>
      <p class="warning" i18n="@@admin.issuedPassword.warning">
        <strong>This password will not be shown again.</strong> Copy it now and give it to {{ data.user.displayName }} ({{ data.user.email }}) in a safe way.
        They should change it after signing in.
      </p>
      <div class="password">
        <p class="password__value">
          <span class="cdk-visually-hidden" i18n="@@admin.issuedPassword.valueLabel">Temporary password:</span>
          <code>{{ data.temporaryPassword }}</code>
        </p>
        <button matButton="outlined" type="button" (click)="copy()">
          <mat-icon aria-hidden="true">content_copy</mat-icon>
          <span i18n="@@admin.issuedPassword.copy">Copy password</span>
        </button>
      </div>
      <p class="copied" aria-live="polite">
        @if (copied() === true) {
          <span i18n="@@admin.issuedPassword.copied">The password is copied to the clipboard.</span>
        } @else if (copied() === false) {
          <span i18n="@@admin.issuedPassword.copyFailed">The password could not be copied: select it and copy it by hand.</span>
        }
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton="filled" type="button" mat-dialog-close i18n="@@admin.issuedPassword.done">Done</button>
    </mat-dialog-actions>
  `,
  styles: `
    .warning {
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .password {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
    }
    .password__value {
      margin: 0;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-title-medium);
      font-family: monospace;
      user-select: all;
    }
    .copied {
      min-height: 1.5em;
    }
  `,
})
export class IssuedPasswordDialog {
  protected readonly data = inject<IssuedPasswordDialogData>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);
  protected readonly copied = signal<boolean | null>(null);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.data.temporaryPassword));
  }
}
