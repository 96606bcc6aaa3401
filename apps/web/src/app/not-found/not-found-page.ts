import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'bt-not-found-page',
  imports: [MatButtonModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 i18n="@@notFound.heading">Page not found</h1>
    <p i18n="@@notFound.text">There is no page at this address. It may have moved, or the link may be mistyped.</p>
    <a matButton="filled" routerLink="/benchmarks" i18n="@@notFound.toBenchmarks">Go to the benchmarks</a>
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
export class NotFoundPage {}
