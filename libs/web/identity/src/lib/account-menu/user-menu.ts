import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import type { MeDto } from '@bt/contracts';
import { AuthSession } from '../auth-session';

/**
 * The signed-in user's menu: their account, and signing out. Loaded after the first page (see
 * AccountMenu), since the menu brings the CDK overlay along.
 */
@Component({
  selector: 'bt-user-menu',
  imports: [MatButton, MatIcon, MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button matButton type="button" class="account-menu__trigger" [matMenuTriggerFor]="menu" [attr.aria-label]="label()">
      <mat-icon aria-hidden="true">account_circle</mat-icon>
      <span class="account-menu__name">{{ me().displayName }}</span>
    </button>
    <!-- The items are made when the menu opens (matMenuContent), not with every page. -->
    <mat-menu #menu="matMenu" xPosition="before">
      <ng-template matMenuContent>
        <a mat-menu-item routerLink="/account">
          <mat-icon aria-hidden="true">person</mat-icon>
          <span i18n="@@accountMenu.account">My account</span>
        </a>
        <button mat-menu-item type="button" (click)="signOut()">
          <mat-icon aria-hidden="true">logout</mat-icon>
          <span i18n="@@accountMenu.signOut">Sign out</span>
        </button>
      </ng-template>
    </mat-menu>
  `,
  styleUrl: './account-menu.scss',
})
export class UserMenu {
  readonly me = input.required<MeDto>();

  // A bound attribute, not an i18n attribute with interpolation, which Angular sets as a (missing) DOM property.
  protected readonly label = computed(
    () => $localize`:Accessible name of the signed-in user's menu button@@accountMenu.label:Account of ${this.me().displayName}:name:`,
  );

  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);

  /** Back to the sign-in page, whether or not the API could be told: the user is forgotten here either way. */
  protected signOut(): void {
    const toSignIn = () => void this.router.navigateByUrl('/sign-in');
    this.session.signOut().subscribe({ complete: toSignIn, error: toSignIn });
  }
}
