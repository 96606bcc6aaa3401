import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { latinToCyrillic } from '@bt/i18n';
import { CURRENT_LANGUAGE } from '@bt/web/identity';

let nextId = 0;

/**
 * The text of a benchmark or a sub-requirement. The Commission's English is the official text; where
 * the catalogue also has a Serbian text and the reader reads Serbian, the Serbian one shows (in
 * Cyrillic for Cyrillic readers, letter for letter from the Latin), marked as not the official one,
 * with a toggle button that puts the official English text in its place and back. In English, or
 * without a Serbian text, the English text alone, as ever. Each text carries its language (`lang`).
 */
@Component({
  selector: 'bt-catalogue-text',
  imports: [MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (serbian(); as serbian) {
      <span class="catalogue-text__note">
        @if (englishShown()) {
          <ng-container i18n="Above a benchmark's or sub-requirement's text shown in English instead of Serbian@@catalogueText.officialNote"
            >The official text, in English</ng-container
          >
        } @else {
          <ng-container i18n="Above a benchmark's or sub-requirement's Serbian text@@catalogueText.serbianNote"
            >Serbian text — the official text is the English one</ng-container
          >
        }
      </span>
      @if (englishShown()) {
        <span class="catalogue-text__body" [id]="id" lang="en">{{ text() }}</span>
      } @else {
        <span class="catalogue-text__body" [id]="id" [attr.lang]="serbian.lang">{{ serbian.text }}</span>
      }
      <button
        matButton
        type="button"
        class="catalogue-text__toggle"
        [attr.aria-pressed]="englishShown()"
        [attr.aria-controls]="id"
        (click)="englishShown.set(!englishShown())"
      >
        <mat-icon aria-hidden="true">{{ englishShown() ? 'check' : 'translate' }}</mat-icon>
        <span
          i18n="
            Toggle button under a Serbian text of the catalogue; pressed, the official English text shows instead, pressed again the Serbian
            one@@catalogueText.showEnglish"
          >Show the official English text<span class="cdk-visually-hidden">: {{ code() }}</span></span
        >
      </button>
    } @else {
      <span class="catalogue-text__body" lang="en">{{ text() }}</span>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .catalogue-text__note {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }
    .catalogue-text__body {
      display: block;
    }
    .catalogue-text__toggle {
      margin-top: 4px;
    }
    .catalogue-text__toggle[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class CatalogueText {
  /** The official text: the Commission's English. */
  readonly text = input.required<string>();
  /** The catalogue's Serbian text (Latin script), if it has one. */
  readonly textSr = input<string | null>(null);
  /** The benchmark's or sub-requirement's code, read with the button so each button says which text it is for. */
  readonly code = input.required<string>();

  private readonly language = inject(CURRENT_LANGUAGE);
  protected readonly id = `bt-catalogue-text-${++nextId}`;
  /** The button pressed: the official English text shows instead of the Serbian one. */
  protected readonly englishShown = signal(false);

  /** The Serbian text in the reader's script, when the reader reads Serbian and there is one. */
  protected readonly serbian = computed(() => {
    const textSr = this.textSr();
    if (!textSr || this.language === 'en') return null;
    return this.language === 'sr-Cyrl' ? { text: latinToCyrillic(textSr), lang: 'sr-Cyrl' } : { text: textSr, lang: 'sr-Latn' };
  });
}
