import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Language, LANGUAGES, messageToCyrillic } from '@bt/i18n';

/** A message of the app by its i18n id, with what fills its placeholders in order: a text, or another message. */
interface MessageRef {
  id: string;
  values: (string | { id: string })[];
}

/** What `tools/i18n/first-screen.mjs` writes to the web build's `i18n/first-screen.json`. */
interface FirstScreenFile {
  pages: Record<string, { page: string; heading: MessageRef; intro: MessageRef }>;
  messages: { en: Record<string, string>; 'sr-Latn': Record<string, string> };
}

/**
 * The font subsets a first screen's text is drawn in (Roboto 400: the toolbar, the heading and the
 * paragraph), by language: Serbian Latin needs latin-ext's letters (č, ć, đ, š, ž), Cyrillic its own.
 */
const FONT_SUBSETS: Record<Language, string[]> = { en: ['latin'], 'sr-Latn': ['latin', 'latin-ext'], 'sr-Cyrl': ['latin', 'cyrillic'] };

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/**
 * The first screen of `/` and the chapter overview — the page's heading and introduction in the
 * visitor's language — sent inside `<bt-root>` with index.html, where it shows until the app starts
 * and draws the same words in the same place (Angular empties `<bt-root>` as it starts). A slow
 * first visit thus reads the page while the app's code downloads: the largest paint comes with the
 * HTML instead of after ~700 kB of JavaScript (issue 19). The texts are the app's own messages;
 * Serbian Cyrillic is derived from the Latin translation as the app derives it (load-language.ts).
 * Each page and language is composed once, at start.
 *
 * Its font is asked for with the HTML (`<link rel="preload">`): found only once the stylesheet is
 * applied, it would come after the first paint, which would draw the text in a fallback font of
 * another width — and the app's paragraph, drawn later in Roboto, would count as a new, larger paint.
 */
export class FirstScreens {
  private constructor(
    private readonly screens: Map<string, string>,
    private readonly preloads: Record<Language, string>,
  ) {}

  /** From the web build's directory; none when the build has no first-screen.json (an older build). */
  static read(webDir: string): FirstScreens | null {
    const file = join(webDir, 'i18n/first-screen.json');
    if (!existsSync(file)) return null;
    const { pages, messages } = JSON.parse(readFileSync(file, 'utf8')) as FirstScreenFile;
    const message = (language: Language, id: string): string =>
      language === 'en' ? messages.en[id] : language === 'sr-Latn' ? messages['sr-Latn'][id] : messageToCyrillic(messages['sr-Latn'][id]);
    const text = (language: Language, ref: MessageRef): string =>
      message(language, ref.id)
        .replace(/\{\$INTERPOLATION(?:_(\d+))?\}/g, (_, n: string | undefined) => {
          const value = ref.values[n ? Number(n) : 0];
          return typeof value === 'string' ? value : message(language, value.id);
        })
        .trim();
    const screens = new Map<string, string>();
    for (const [path, page] of Object.entries(pages)) {
      for (const language of LANGUAGES) {
        screens.set(
          `${language} ${path}`,
          `<main class="first-screen"><div class="first-screen__page first-screen__page--${page.page}">` +
            `<h1>${escapeHtml(text(language, page.heading))}</h1><p class="first-screen__intro">${escapeHtml(text(language, page.intro))}</p></div></main>`,
        );
      }
    }
    const media = existsSync(join(webDir, 'media')) ? readdirSync(join(webDir, 'media')) : [];
    const fontOf = (subset: string) => media.find((name) => name.startsWith(`roboto-${subset}-400-normal-`) && name.endsWith('.woff2'));
    const preloads = Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        FONT_SUBSETS[language]
          .map(fontOf)
          .filter((name) => name !== undefined)
          .map((name) => `<link rel="preload" href="media/${name}" as="font" type="font/woff2" crossorigin>`)
          .join(''),
      ]),
    ) as Record<Language, string>;
    return new FirstScreens(screens, preloads);
  }

  /** What goes into `<head>` with a first screen in `language`: its font, asked for at once. */
  head(language: Language): string {
    return this.preloads[language];
  }

  /** The first screen of the page at `path` (without its query) in `language`; null for a page that has none. */
  of(path: string, language: Language): string | null {
    return this.screens.get(`${language} ${path}`) ?? null;
  }
}
