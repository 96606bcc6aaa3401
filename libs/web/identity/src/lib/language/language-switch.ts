import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { Router } from '@angular/router';
import { type Language, LANGUAGE_NAMES, LANGUAGES } from '@bt/i18n';
import { catchError, of } from 'rxjs';
import { AuthSession } from '../auth-session';
import { CURRENT_LANGUAGE, reloadIn } from './language';

/** The toolbar's language switch: each language named in itself; a signed-in person's choice is kept with their account. */
@Component({
  selector: 'bt-language-switch',
  imports: [MatButton, MatIcon, MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button matButton type="button" class="language-switch" [matMenuTriggerFor]="languages" [attr.aria-label]="label">
      <mat-icon aria-hidden="true">translate</mat-icon>
      <span class="language-switch__short" aria-hidden="true">{{ short[current] }}</span>
    </button>
    <!-- The items are made when the menu opens (matMenuContent), not with every page. -->
    <mat-menu #languages="matMenu">
      <ng-template matMenuContent>
        @for (language of languages_; track language) {
          <button mat-menu-item type="button" [attr.lang]="language" [attr.aria-current]="language === current" (click)="choose(language)">
            {{ names[language] }}
          </button>
        }
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .language-switch {
      min-width: 0;
    }
    .language-switch__short {
      margin-left: 4px;
    }
  `,
})
export class LanguageSwitch {
  private readonly http = inject(HttpClient);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  protected readonly current = inject(CURRENT_LANGUAGE);
  protected readonly languages_ = LANGUAGES;
  protected readonly names = LANGUAGE_NAMES;
  protected readonly short: Record<Language, string> = { en: 'EN', 'sr-Latn': 'SR', 'sr-Cyrl': 'СР' };
  protected readonly label = $localize`:Accessible name of the language switch; the current language follows@@language.switch:Language: ${LANGUAGE_NAMES[this.current]}:language:`;

  protected choose(language: Language): void {
    if (language === this.current) return;
    const here = this.router.url;
    if (!this.session.signedIn()) return reloadIn(language, here);
    // Kept with the account, so the next sign-in anywhere starts in it; the switch works even if that fails.
    this.http
      .put('/api/auth/language', { language })
      .pipe(catchError(() => of(null)))
      .subscribe(() => reloadIn(language, here));
  }
}
