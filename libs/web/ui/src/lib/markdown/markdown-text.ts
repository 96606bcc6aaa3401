import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Marked } from 'marked';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Links a narrative may carry: the web, e-mail, and this product's own pages; never data: or javascript:. */
const SAFE_LINK = /^(https?:|mailto:|\/(?!\/)|#)/i;
/** Images are shown only from the product itself: one from another host would tell it who read the page. */
const OWN_IMAGE = /^\/(?!\/)/;

// Raw HTML in a narrative is shown as the text it is: narratives are Markdown, and whatever HTML
// got through would still meet Angular's sanitiser (the second line of defence). A link with another
// scheme is shown as its text; an image from elsewhere as a link to it (returning false renders as usual).
const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link(token) {
      return SAFE_LINK.test(token.href) ? false : this.parser.parseInline(token.tokens);
    },
    image({ href, text }) {
      if (OWN_IMAGE.test(href)) return false;
      return SAFE_LINK.test(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>` : escapeHtml(text);
    },
  },
});

/** Markdown to HTML, raw HTML escaped; bound with `[innerHTML]`, which sanitises once more. */
export function narrativeHtml(text: string): string {
  return markdown.parse(text) as string;
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
