import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { AuthSession } from '../auth-session';

/** The toolbar's corner: the signed-in user's menu (account, sign out), or a link to sign in. */
@Component({
  selector: 'bt-account-menu',
  imports: [MatButton, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (me(); as me) {
      <button
        matButton
        type="button"
        class="account-menu__trigger"
        [matMenuTriggerFor]="menu"
        i18n-aria-label="@@accountMenu.label"
        aria-label="Account of {{ me.displayName }}"
      >
        <mat-icon aria-hidden="true">account_circle</mat-icon>
        <span class="account-menu__name">{{ me.displayName }}</span>
      </button>
      <mat-menu #menu="matMenu" xPosition="before">
        <a mat-menu-item routerLink="/account">
          <mat-icon aria-hidden="true">person</mat-icon>
          <span i18n="@@accountMenu.account">My account</span>
        </a>
        <button mat-menu-item type="button" (click)="signOut()">
          <mat-icon aria-hidden="true">logout</mat-icon>
          <span i18n="@@accountMenu.signOut">Sign out</span>
        </button>
      </mat-menu>
    } @else {
      <a matButton class="account-menu__sign-in" routerLink="/sign-in" i18n="@@accountMenu.signIn">Sign in</a>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    /* On the primary-coloured toolbar. */
    .account-menu__trigger,
    .account-menu__sign-in {
      --mat-button-text-label-text-color: var(--mat-sys-on-primary);
      --mat-button-text-state-layer-color: var(--mat-sys-on-primary);
      --mat-focus-indicator-border-color: var(--mat-sys-on-primary);
    }
    .account-menu__name {
      max-width: 16rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    @media (max-width: 599.98px) {
      .account-menu__name {
        display: none;
      }
    }
  `,
})
export class AccountMenu {
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  protected readonly me = this.session.me;

  /** Back to the sign-in page, whether or not the API could be told: the user is forgotten here either way. */
  protected signOut(): void {
    this.session.signOut().subscribe({
      complete: () => void this.router.navigateByUrl('/sign-in'),
      error: () => void this.router.navigateByUrl('/sign-in'),
    });
  }
}
