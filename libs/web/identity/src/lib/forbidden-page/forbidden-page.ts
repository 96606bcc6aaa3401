import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthSession } from '../auth-session';

/** Shown, at the address asked for, when the signed-in user's roles do not open that page. */
@Component({
  selector: 'bt-forbidden-page',
  imports: [MatButton, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 i18n="@@forbidden.heading">You may not open this page</h1>
    @if (me(); as me) {
      <p i18n="@@forbidden.text">
        You are signed in as {{ me.displayName }}, and your roles do not include this part of Benchmark Tracker. If you need it, ask a platform administrator.
      </p>
    }
    <a matButton="filled" routerLink="/benchmarks" i18n="@@forbidden.toBenchmarks">Go to the benchmarks</a>
  `,
  styles: `
    :host {
      display: block;
      padding: 24px;
      max-width: 60rem;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
    }
  `,
})
export class ForbiddenPage {
  protected readonly me = inject(AuthSession).me;
}
