import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, type ElementRef, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AccountMenu, AuthSession, LanguageSwitch } from '@bt/web/identity/shell';
import { SearchBox } from './search-box/search-box';
import { InboxApi } from '@bt/web/inbox';
import { LiveChanges } from '@bt/web/live';
import { filter, map } from 'rxjs';

/** Below this width the navigation slides over the page instead of standing beside it. */
export const NARROW_LAYOUT_QUERY = '(max-width: 959.98px)';
/** Below this width the toolbar's search field hides behind its icon. */
export const PHONE_LAYOUT_QUERY = '(max-width: 599.98px)';

/** The application shell: toolbar, navigation and the main landmark the pages render into. */
@Component({
  selector: 'bt-root',
  imports: [
    MatToolbar,
    MatIconButton,
    MatIcon,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    AccountMenu,
    LanguageSwitch,
    SearchBox,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** The navigation offers only what the user's roles can use; the API still decides. */
  private readonly session = inject(AuthSession);
  protected readonly showTasks = this.session.signedIn;
  protected readonly showAdministration = computed(() => this.session.hasRole('admin'));
  /** Signed in for work: until a required second factor is set up, the API answers only the account page's calls. */
  private readonly active = computed(() => this.session.signedIn() && !this.session.secondFactorOutstanding());
  /** The unread inbox items, refreshed after each navigation while signed in. */
  private readonly inbox = inject(InboxApi);
  protected readonly unread = computed(() => (this.session.signedIn() ? this.inbox.unread() : 0));
  private readonly sidenav = viewChild.required(MatSidenav);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (this.active()) this.inbox.refresh();
        else this.inbox.clear();
      });
    // Live pages: one stream while signed in. The badge reloads when a notification is written for
    // this person (the stream tells them alone), not on every change anyone makes: that would have
    // every open browser ask for its inbox after each change in the system.
    const live = inject(LiveChanges);
    effect(() => (this.active() ? live.connect() : live.disconnect()));
    live
      .reloads((change) => change.type === 'inbox')
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        if (this.active()) this.inbox.refresh();
      });
  }

  protected toggleNav(): void {
    void this.sidenav().toggle();
  }

  protected closeNavIfOver(): void {
    if (this.narrow()) {
      void this.sidenav().close();
    }
  }

  /**
   * A plain `href="#main"` would resolve against `<base href="/">` and reload the start page,
   * so the skip link moves focus itself.
   */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
