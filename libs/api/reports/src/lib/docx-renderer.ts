import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { Block, ReportDocument } from './report-document';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A Word document with Word's own heading styles (so its navigation pane and table of contents work), real tables and page numbers. */
export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const document = new Document({
    title: report.title,
    creator: 'Benchmark Tracker',
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
                children: [
                  new TextRun({ text: report.footer, size: 16 }),
                  new TextRun({ children: ['\t', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: report.blocks.flatMap(toDocx),
      },
    ],
  });
  // Whole, in memory: docx compiles every part's XML and zips it in one piece (its toStream, too, emits one Buffer).
  return Packer.toBuffer(document);
}

function toDocx(block: Block): FileChild[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] }),
        ...(block.subtitle ? [new Paragraph({ children: [new TextRun({ text: block.subtitle, size: 28 })] })] : []),
      ];
    case 'contents':
      return [
        new Paragraph({ children: [new TextRun({ text: block.title, bold: true, size: 28 })] }),
        new TableOfContents(block.title, { hyperlink: true, headingStyleRange: '1-2' }),
      ];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return lines(block.text).map(
        (line) =>
          new Paragraph({
            spacing: { after: 80 },
            children: [new TextRun({ text: line, bold: block.emphasis === 'bold', italics: block.emphasis === 'note' })],
          }),
      );
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: block.header.map((text) => cell(text, true)) }),
            ...block.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) })),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: lines(text).map((line) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: line, bold: header, size: 18 })] })),
  });
}

/** A text's lines, each a paragraph of its own (Word does not break lines on \n). */
function lines(text: string): string[] {
  const all = text.split(/\r?\n/).filter((line, i, list) => line.trim() || (i > 0 && i < list.length - 1 && list[i - 1].trim()));
  return all.length ? all : [''];
}
