// The Serbian translation as the browser downloads it: apps/web/src/locale/messages.sr-Latn.json
// (kept readable in git) written without its indentation to dist/i18n-compact, which the web build
// copies to /i18n (apps/web/project.json, assets; the target `web:compact-translation`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist/i18n-compact');
mkdirSync(out, { recursive: true });
const translation = JSON.parse(readFileSync(join(root, 'apps/web/src/locale/messages.sr-Latn.json'), 'utf8'));
writeFileSync(join(out, 'messages.sr-Latn.json'), JSON.stringify(translation));
