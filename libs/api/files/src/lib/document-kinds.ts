import type { DocumentKind } from '@bt/contracts';

export type { DocumentKind };

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['pdf', 'docx', 'xlsx', 'odt', 'ods', 'png', 'jpeg', 'csv', 'txt'];

export const MEDIA_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** How people call the kinds in a refusal message. */
export const KIND_NAMES: Record<DocumentKind, string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  xlsx: 'XLSX',
  odt: 'ODT',
  ods: 'ODS',
  png: 'PNG',
  jpeg: 'JPEG',
  csv: 'CSV',
  txt: 'TXT',
};

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const MAGIC: { kind: DocumentKind; bytes: number[] }[] = [
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
];
/** Entry names inside a zip container that tell an office document apart (they pass by in the local headers). */
const ZIP_MARKERS: { kind: DocumentKind; marker: Buffer }[] = [
  { kind: 'odt', marker: Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text') },
  { kind: 'ods', marker: Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet') },
  { kind: 'docx', marker: Buffer.from('word/document.xml') },
  { kind: 'xlsx', marker: Buffer.from('xl/workbook.xml') },
];
const LONGEST_MARKER = Math.max(...ZIP_MARKERS.map((m) => m.marker.length));
const HEAD_BYTES = 512;

/**
 * Watches a file's bytes as they stream past and names its kind at the end: magic numbers for
 * PDF/PNG/JPEG, entry names for the zip-based office formats, strict UTF-8 without NUL bytes (and
 * not markup, which a browser might render) for text. Holds only the head and a small overlap.
 */
export class DocumentKindSniffer {
  private head = Buffer.alloc(0);
  private overlap = Buffer.alloc(0);
  private zipKind: DocumentKind | null = null;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  private text = true;
  private size = 0;

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    if (this.isZip() && !this.zipKind) {
      const window = Buffer.concat([this.overlap, chunk]);
      this.zipKind = ZIP_MARKERS.find((m) => window.includes(m.marker))?.kind ?? null;
      this.overlap = window.subarray(Math.max(0, window.length - LONGEST_MARKER));
    }
    if (this.text) {
      if (chunk.includes(0)) this.text = false;
      else {
        try {
          this.utf8.decode(chunk, { stream: true });
        } catch {
          this.text = false;
        }
      }
    }
  }

  /** The kind, or null when the bytes are none of the accepted kinds. `fileName` only tells CSV from plain text. */
  kind(fileName: string): DocumentKind | null {
    if (this.size === 0) return null;
    const magic = MAGIC.find((m) => m.bytes.every((byte, i) => this.head[i] === byte));
    if (magic) return magic.kind;
    if (this.isZip()) return this.zipKind;
    if (this.text && this.endsCleanly() && !this.looksLikeMarkup()) return /\.csv$/i.test(fileName) ? 'csv' : 'txt';
    return null;
  }

  private isZip(): boolean {
    return this.head.length >= 4 && ZIP_MAGIC.every((byte, i) => this.head[i] === byte);
  }

  private endsCleanly(): boolean {
    try {
      this.utf8.decode();
      return true;
    } catch {
      return false;
    }
  }

  /** HTML, SVG or XML sent as "text" is refused: served elsewhere it could run script. */
  private looksLikeMarkup(): boolean {
    return /^(\uFEFF)?\s*</.test(this.head.toString('utf8'));
  }
}
