import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Router } from '@angular/router';

/**
 * The toolbar's search field: opens the results page (`@bt/web/search`, loaded lazily) for the words typed.
 * On a phone (`compact`) the field waits behind its icon and, opened, covers the toolbar's row until
 * the search is sent or closed (Escape or the close button), so the toolbar fits a 360 px screen.
 */
@Component({
  selector: 'bt-search-box',
  // A plain input, no forms module: the toolbar is in the first download of every page.
  imports: [MatIcon, MatIconButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (compact() && !opened()) {
      <button
        #opener
        matIconButton
        type="button"
        aria-controls="global-search-form"
        aria-expanded="false"
        (click)="open()"
        i18n-aria-label="@@search.box.open"
        aria-label="Open the search"
      >
        <mat-icon aria-hidden="true">search</mat-icon>
      </button>
    } @else {
      <form
        id="global-search-form"
        class="search-box"
        [class.search-box--over-toolbar]="compact()"
        role="search"
        (submit)="$event.preventDefault(); go(box.value)"
        (keydown.escape)="close()"
      >
        <label class="cdk-visually-hidden" for="global-search" i18n="@@search.box.label">Search benchmarks, evidence and proposals</label>
        <input
          id="global-search"
          class="search-box__input"
          type="search"
          #box
          maxlength="200"
          autocomplete="off"
          i18n-placeholder="@@search.box.placeholder"
          placeholder="Search"
        />
        <button matIconButton type="submit" i18n-aria-label="@@search.box.submit" aria-label="Search">
          <mat-icon aria-hidden="true">search</mat-icon>
        </button>
        @if (compact()) {
          <button matIconButton type="button" (click)="close()" i18n-aria-label="@@search.box.close" aria-label="Close the search">
            <mat-icon aria-hidden="true">close</mat-icon>
          </button>
        }
      </form>
    }
  `,
  styles: `
    .search-box {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .search-box__input {
      width: min(18rem, 40vw);
      min-width: 0;
      padding: 6px 10px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
    /* On a phone the opened field takes the toolbar's whole row (the header is its positioned box). */
    .search-box--over-toolbar {
      position: absolute;
      inset: 0;
      z-index: 3;
      padding: 0 4px 0 12px;
      background: var(--mat-sys-primary);
    }
    .search-box--over-toolbar .search-box__input {
      flex: 1;
      width: auto;
    }
  `,
})
export class SearchBox {
  /** On a phone: the field behind its icon. */
  readonly compact = input(false);

  private readonly router = inject(Router);
  protected readonly opened = signal(false);
  private readonly input = viewChild<ElementRef<HTMLInputElement>>('box');
  private readonly opener = viewChild('opener', { read: ElementRef<HTMLElement> });

  protected go(text: string): void {
    const q = text.trim();
    if (!q) return;
    void this.router.navigate(['/search'], { queryParams: { q } });
    if (this.compact()) this.opened.set(false);
  }

  protected open(): void {
    this.opened.set(true);
    // The field exists once the view has updated.
    setTimeout(() => this.input()?.nativeElement.focus());
  }

  /** Back behind the icon, the focus on it, so a keyboard user is where they were. */
  protected close(): void {
    if (!this.compact()) return;
    this.opened.set(false);
    setTimeout(() => this.opener()?.nativeElement.focus());
  }
}
