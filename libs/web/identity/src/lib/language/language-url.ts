import { DefaultUrlSerializer, type UrlTree } from '@angular/router';
import type { Language } from '@bt/i18n';

/**
 * The app's addresses carry the language when it is Serbian (`?lang=sr-Cyrl`), so a link copied
 * from the address bar or a page opens in the same language for whoever it is sent to (main.ts
 * reads `lang` before anything else). English addresses carry none: English is the fallback, and
 * such a link opens in the reader's own choice. The switch drops `lang` when it reloads (reloadIn).
 */
export class LanguageUrlSerializer extends DefaultUrlSerializer {
  constructor(private readonly language: Language) {
    super();
  }

  override serialize(tree: UrlTree): string {
    const url = super.serialize(tree);
    if (this.language === 'en' || 'lang' in tree.queryParams) return url;
    const [path, fragment] = splitOnce(url, '#');
    return `${path}${path.includes('?') ? '&' : '?'}lang=${this.language}${fragment === null ? '' : `#${fragment}`}`;
  }
}

function splitOnce(text: string, separator: string): [string, string | null] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 1)];
}
