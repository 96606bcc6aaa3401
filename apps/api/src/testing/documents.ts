import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

/** A generated Word document read back: its body's text (a line per paragraph), the body's XML and the footer's text. */
export async function readDocx(bytes: Buffer): Promise<{ text: string; xml: string; footer: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const part = (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`The document has no ${name}`);
    return file.async('string');
  };
  const xml = await part('word/document.xml');
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/footer\d*\.xml$/.test(name))
      .map(part),
  );
  return { text: textOfXml(xml), xml, footer: footers.map(textOfXml).join('\n') };
}

function textOfXml(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * A generated PDF read back by poppler: its text (pdftotext) with every run of white space as one
 * space (a table cell wraps its words over lines), and its fonts (pdffonts: name, embedded).
 */
export function readPdf(bytes: Buffer): { text: string; fonts: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bt-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return {
      text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
      fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
