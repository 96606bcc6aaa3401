import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthSession } from '../auth-session';
import { signInQueryParams } from '../sign-in-address';
import { UserMenu } from './user-menu';

/**
 * The toolbar's corner: the signed-in user's menu, or a link to sign in that comes back to the page.
 * The menu is deferred to keep the CDK overlay out of the start bundle; until it has loaded, the
 * user's name links to their account.
 */
@Component({
  selector: 'bt-account-menu',
  imports: [MatButton, MatIcon, RouterLink, UserMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (me(); as me) {
      @defer (on idle) {
        <bt-user-menu [me]="me" />
      } @placeholder {
        <a matButton class="account-menu__trigger" routerLink="/account">
          <mat-icon aria-hidden="true">account_circle</mat-icon>
          <span class="account-menu__name">{{ me.displayName }}</span>
        </a>
      }
    } @else if (!onSignInPage()) {
      <a matButton class="account-menu__sign-in" routerLink="/sign-in" [queryParams]="signInParams()" i18n="@@accountMenu.signIn">Sign in</a>
    }
  `,
  styleUrl: './account-menu.scss',
})
export class AccountMenu {
  protected readonly me = inject(AuthSession).me;

  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  protected readonly onSignInPage = computed(() => /^\/sign-in(?=[/?#]|$)/.test(this.url()));
  protected readonly signInParams = computed(() => signInQueryParams(this.url()));
}
