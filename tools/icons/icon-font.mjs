// The Material Icons font as the web app downloads it: only the icons its templates use.
//
// The whole font (node_modules/material-icons, 2,200 icons) is 126 kB of woff2 — a fifth of a first
// visit. `<mat-icon>name</mat-icon>` draws an icon through the font's ligatures (the letters of the
// name become one glyph), so the subset keeps the letters of the names used, the glyphs of those
// icons (each also has its own code point) and only the ligatures that form them. Subsetting by the
// letters alone would keep every ligature whose letters are present, i.e. all of them: hence
// `noLayoutClosure` (HarfBuzz's subsetter, through `subset-font`).
//
// `node tools/icons/icon-font.mjs` (the Nx target `web:icon-font`, run before every web build)
// writes dist/icon-font/material-icons.woff2 and material-icons.css (the @font-face and the
// `.material-icons` class of the package's filled.css, pointing at the subset), which
// apps/web/project.json lists among the styles. `--check` writes nothing and prints, as JSON, what
// the templates use and whether each name draws as one icon with the subset (`--also=home,…`: other
// names too); the unit test
// apps/web/src/icon-font.spec.ts runs it, so an icon that would show as its name in letters fails
// the tests, not a reader's page.
//
// Where the names come from: the text of every <mat-icon> in the web app's templates (apps/web/src
// and libs/web, inline templates too). A name computed in the template must come from a string
// literal in the expression, or from a map named `…icons` / `…ICONS` (`icons[step.status]`), or from
// an `icon:` property (`item.icon`) — the script reads those maps and properties from the .ts files.
// Any other kind of <mat-icon> content is refused, so a new way of naming icons cannot slip past.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCES = ['apps/web/src', 'libs/web'];
const FONT = join(root, 'node_modules/material-icons/iconfont/material-icons.woff2');
const OUT = join(root, 'dist/icon-font');
const NAME = /^[a-z0-9_]+$/;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* sourceFiles(path);
    } else if (/\.(html|ts)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name)) {
      yield path;
    }
  }
}

const literals = (text) => [...text.matchAll(/'([^'\\]*)'|"([^"\\]*)"|`([^`$\\]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]);

/**
 * Every icon name the templates use (with the files using it), how many <mat-icon>s were read, and
 * those whose name the script cannot read (which fail the build and the test). A computed name with
 * string literals in it (`cond ? 'check' : 'translate'`) is taken to be one of those literals.
 */
export function iconNamesInUse() {
  const names = new Map(); // name → the files using it
  const unreadable = [];
  let tags = 0;
  const use = (name, file) => names.set(name, [...new Set([...(names.get(name) ?? []), file])]);
  let mapped = false; // some template reads names from a map or an `icon` property
  const mapNames = [];
  for (const dir of SOURCES) {
    for (const path of sourceFiles(join(root, dir))) {
      const file = relative(root, path);
      const text = readFileSync(path, 'utf8');
      // Names from maps and `icon:` properties of the .ts files, used when a template reads them.
      if (path.endsWith('.ts')) {
        for (const m of text.matchAll(/\b\w*(?:icons|Icons|ICONS)\b[^=;\n]*=\s*\{([^}]*)\}/g)) {
          for (const value of literals(m[1].replace(/^\s*\w+\s*:/gm, ''))) mapNames.push([value, file]);
        }
        for (const m of text.matchAll(/\bicon\s*:\s*(['"`])([^'"`]*)\1/g)) mapNames.push([m[2], file]);
      }
      let read = 0;
      // `</mat-icon\n>`: Prettier breaks a closing tag so as to add no whitespace to inline content.
      for (const m of text.matchAll(/<mat-icon\b([^>]*)>([\s\S]*?)<\/mat-icon\s*>/g)) {
        read += 1;
        tags += 1;
        const [, attributes, content] = m;
        const body = content.trim();
        if (/\b(svgIcon|fontIcon|fontSet)\b/.test(attributes)) {
          unreadable.push(`${file}: <mat-icon${attributes}> (only ligature names are subset)`);
        } else if (NAME.test(body)) {
          use(body, file);
        } else {
          const expression = body.match(/^\{\{([\s\S]*)\}\}$/)?.[1];
          if (expression === undefined) {
            unreadable.push(`${file}: <mat-icon>${body}</mat-icon>`);
            continue;
          }
          const strings = literals(expression);
          for (const name of strings) use(name, file);
          const rest = expression.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '');
          if (/\b\w*(?:icons|Icons|ICONS)\s*\[|\.icon\b/.test(rest)) mapped = true;
          else if (!strings.length) unreadable.push(`${file}: <mat-icon>${body}</mat-icon>`);
        }
      }
      if (read !== (text.match(/<mat-icon\b/g) ?? []).length) unreadable.push(`${file}: a <mat-icon> that is not <mat-icon …>name</mat-icon>`);
    }
  }
  if (mapped) for (const [name, file] of mapNames) use(name, file);
  return { names: [...names.keys()].sort(), files: Object.fromEntries(names), unreadable, tags };
}

/** The font as TrueType in HarfBuzz, to shape names with. */
async function harfbuzzFont(woff2) {
  const ttf = await subsetFont(woff2, '', { keepAllGlyphs: true, targetFormat: 'truetype' });
  return new hb.Font(new hb.Face(new hb.Blob(ttf)));
}

/** The glyphs `text` is drawn with in `font` (its ligatures applied). */
function shapeText(font, text) {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  return buffer.getGlyphInfos().map((info) => info.codepoint);
}

/** Which names draw as one icon glyph in `woff2` (a ligature, not the letters of the name). */
export async function drawnAsIcons(woff2, names) {
  const font = await harfbuzzFont(woff2);
  const letters = new Set([...new Set(names.join(''))].map((c) => font.nominalGlyph(c.codePointAt(0))));
  return Object.fromEntries(
    names.map((name) => {
      const glyphs = shapeText(font, name);
      return [name, glyphs.length === 1 && glyphs[0] !== 0 && !letters.has(glyphs[0])];
    }),
  );
}

/** The subset of the whole font holding `names`: their letters, their icons' glyphs and those ligatures only. */
export async function subsetFor(names) {
  const whole = readFileSync(FONT);
  const font = await harfbuzzFont(whole);
  // Each icon glyph also has a code point (in the Private Use Area): the subsetter keeps glyphs by code point.
  const codePointOf = new Map();
  for (const codePoint of new hb.Face(new hb.Blob(await subsetFont(whole, '', { keepAllGlyphs: true, targetFormat: 'truetype' }))).collectUnicodes()) {
    const glyph = font.nominalGlyph(codePoint);
    if (glyph && !codePointOf.has(glyph)) codePointOf.set(glyph, codePoint);
  }
  const missing = [];
  const iconCodePoints = [];
  for (const name of names) {
    const glyphs = shapeText(font, name);
    const codePoint = glyphs.length === 1 ? codePointOf.get(glyphs[0]) : undefined;
    if (codePoint === undefined || !NAME.test(name)) missing.push(name);
    else iconCodePoints.push(codePoint);
  }
  const text = [...new Set(names.join(''))].join('') + String.fromCodePoint(...iconCodePoints);
  const subset = await subsetFont(whole, text, { targetFormat: 'woff2', noLayoutClosure: true });
  return { subset, missing, wholeBytes: whole.length };
}

const CSS = (fontFile) => `/* Generated by tools/icons/icon-font.mjs: the Material Icons font (material-icons, filled.css) cut to the icons the app uses. */
@font-face {
  font-family: "Material Icons";
  font-style: normal;
  font-weight: 400;
  font-display: block;
  src: url("./${fontFile}") format("woff2");
}
.material-icons {
  font-family: "Material Icons";
  font-weight: normal;
  font-style: normal;
  font-size: 24px;
  line-height: 1;
  letter-spacing: normal;
  text-transform: none;
  display: inline-block;
  white-space: nowrap;
  word-wrap: normal;
  direction: ltr;
  -webkit-font-smoothing: antialiased;
  -moz-osx-font-smoothing: grayscale;
  text-rendering: optimizeLegibility;
  font-feature-settings: "liga";
}
`;

async function main() {
  const check = process.argv.includes('--check');
  const use = iconNamesInUse();
  const { subset, missing, wholeBytes } = await subsetFor(use.names);
  const drawn = await drawnAsIcons(subset, use.names);
  const notDrawn = use.names.filter((name) => !drawn[name]);
  if (check) {
    // `--also=a,b`: names no template uses, shaped with the subset too (the test's proof that one is drawn as letters).
    const also =
      process.argv
        .find((a) => a.startsWith('--also='))
        ?.slice('--also='.length)
        .split(',') ?? [];
    console.log(JSON.stringify({ ...use, missing, notDrawn, also: await drawnAsIcons(subset, also), bytes: subset.length, wholeBytes }));
    return;
  }
  const problems = [
    ...use.unreadable.map((u) => `a <mat-icon> whose name cannot be read: ${u}`),
    ...missing.map((name) => `"${name}" is no icon of the Material Icons font (used in ${use.files[name].join(', ')})`),
    ...notDrawn.filter((name) => !missing.includes(name)).map((name) => `"${name}" does not draw as one icon with the subset`),
  ];
  if (problems.length) {
    console.error(`The icon font cannot be cut to the icons in use:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'material-icons.woff2'), subset);
  writeFileSync(join(OUT, 'material-icons.css'), CSS('material-icons.woff2'));
  console.log(
    `icon font: ${use.names.length} icons, ${(subset.length / 1024).toFixed(1)} kB (the whole font ${(wholeBytes / 1024).toFixed(1)} kB) → ${relative(root, OUT)}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
