import type { Readable } from 'node:stream';
import type { Block, ReportDocument } from './report-document';

/*
 * pdfmake with its own Roboto (Latin with đ ž č ć š, and Cyrillic), embedded and subset in every PDF.
 * The fonts come from pdfmake's virtual file system (build/vfs_fonts.js, a module), so they are found
 * by require wherever the API runs from — the built dist/apps/api as well as the sources — and pdfmake
 * may read no local file and fetch no URL.
 */
interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  /** getStream: the PDFKit document, a readable stream of the PDF once laid out and rendered (its pages written, the end to come). */
  createPdf(definition: object): { getStream(): Promise<Readable & { end(): void }> };
}

// pdfmake 0.3 ships no type declarations: what the renderer uses of its Node entry, typed here.
// Required with the first PDF, not when the API starts: loading it costs about 0.3 s of CPU, which
// every start (and every test file that starts the API) would pay for a document it may never make.
let pdfmake: PdfMake | undefined;
function printer(): PdfMake {
  if (!pdfmake) {
    pdfmake = require('pdfmake') as PdfMake;
    const fonts: Record<string, string> = require('pdfmake/build/vfs_fonts');
    for (const [name, base64] of Object.entries(fonts)) pdfmake.virtualfs.writeFileSync(name, Buffer.from(base64, 'base64'));
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    pdfmake.setFonts({
      Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' },
    });
  }
  return pdfmake;
}

const MARGIN = 50;

/**
 * A PDF/A4 with a table of contents, real tables, and the footer's words with "page / pages" on every page.
 * As a stream: pdfmake lays the whole document out in memory first (the table of contents and
 * "page / pages" need every page), then PDFKit writes each page into its stream as it renders it, so
 * the answer reads the PDF from there instead of from one more copy of it in a Buffer.
 */
export async function renderPdf(report: ReportDocument): Promise<Readable> {
  const definition = {
    info: { title: report.title, creator: 'Benchmark Tracker' },
    language: report.language,
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 22, bold: true, margin: [0, 120, 0, 12] },
      subtitle: { fontSize: 14, margin: [0, 0, 0, 24] },
      h1: { fontSize: 16, bold: true, margin: [0, 16, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      paragraph: { margin: [0, 0, 0, 5] },
      note: { italics: true, color: '#444444', margin: [0, 0, 0, 5] },
      cell: { fontSize: 8.5 },
      headerCell: { fontSize: 8.5, bold: true },
    },
    footer: (page: number, pages: number) => ({
      margin: [MARGIN, 20, MARGIN, 0],
      columns: [
        { text: report.footer, fontSize: 8 },
        { text: `${page} / ${pages}`, fontSize: 8, alignment: 'right', width: 60 },
      ],
    }),
    content: report.blocks.map(toPdf),
  };
  const pdf = await printer().createPdf(definition).getStream();
  pdf.end(); // PDFKit writes the cross-reference table and the trailer, then ends the stream
  return pdf;
}

function toPdf(block: Block): unknown {
  switch (block.kind) {
    case 'title':
      return [{ text: block.text, style: 'title' }, ...(block.subtitle ? [{ text: block.subtitle, style: 'subtitle' }] : [])];
    case 'contents':
      return { toc: { title: { text: block.title, style: 'h1' } } };
    case 'heading':
      return {
        text: block.text,
        style: `h${block.level}`,
        tocItem: block.level <= 2,
        tocMargin: [(block.level - 1) * 12, 0, 0, 0],
        headlineLevel: block.level,
      };
    case 'paragraph':
      return { text: block.text, style: block.emphasis === 'note' ? 'note' : 'paragraph', bold: block.emphasis === 'bold' };
    case 'table':
      return {
        margin: [0, 2, 0, 10],
        layout: 'lightHorizontalLines',
        table: {
          headerRows: 1,
          dontBreakRows: false,
          widths: block.widths ?? block.header.map(() => '*'),
          body: [block.header.map((text) => ({ text, style: 'headerCell' })), ...block.rows.map((row) => row.map((text) => ({ text, style: 'cell' })))],
        },
      };
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}
