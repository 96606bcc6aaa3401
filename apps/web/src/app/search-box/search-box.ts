import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Router } from '@angular/router';

/** The toolbar's search field: opens the results page (`@bt/web/search`, loaded lazily) for the words typed. */
@Component({
  selector: 'bt-search-box',
  // A plain input, no forms module: the toolbar is in the first download of every page.
  imports: [MatIcon, MatIconButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="search-box" role="search" (submit)="$event.preventDefault(); go(box.value)">
      <label class="cdk-visually-hidden" for="global-search" i18n="@@search.box.label">Search benchmarks, evidence and proposals</label>
      <input id="global-search" class="search-box__input" type="search" #box maxlength="200" autocomplete="off"
        i18n-placeholder="@@search.box.placeholder" placeholder="Search" />
      <button matIconButton type="submit" i18n-aria-label="@@search.box.submit" aria-label="Search">
        <mat-icon aria-hidden="true">search</mat-icon>
      </button>
    </form>
  `,
  styles: `
    .search-box {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .search-box__input {
      width: min(18rem, 40vw);
      padding: 6px 10px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class SearchBox {
  private readonly router = inject(Router);

  protected go(text: string): void {
    const q = text.trim();
    if (q) void this.router.navigate(['/search'], { queryParams: { q } });
  }
}
