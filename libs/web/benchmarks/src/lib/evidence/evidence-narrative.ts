import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { marked } from 'marked';

/** Markdown to HTML; raw HTML in the text passes through here and is removed by Angular's sanitiser when bound. */
export function narrativeHtml(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true, breaks: true });
}

/**
 * An evidence narrative, written in Markdown. Bound with `[innerHTML]`, so Angular's sanitiser
 * drops scripts, event handlers and `javascript:` links whatever the author typed.
 */
@Component({
  selector: 'bt-evidence-narrative',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="narrative" [innerHTML]="html()"></div>`,
  styles: `
    .narrative {
      overflow-wrap: anywhere;
    }
    .narrative :first-child {
      margin-top: 0;
    }
    .narrative :last-child {
      margin-bottom: 0;
    }
  `,
})
export class EvidenceNarrative {
  readonly text = input.required<string>();
  protected readonly html = computed(() => narrativeHtml(this.text()));
}
