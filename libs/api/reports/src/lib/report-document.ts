import type { DocumentFormat } from '@bt/contracts';
import type { Language } from '@bt/i18n';

/**
 * A generated document as a list of blocks, written once by the section builders and rendered by
 * both docx-renderer.ts (Word) and pdf-renderer.ts (PDF), so the two formats never differ in content.
 */
export type Block =
  | { kind: 'title'; text: string; subtitle?: string }
  | { kind: 'contents'; title: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'bold' | 'note' }
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      /** PDF column widths: '*' shares the line, 'auto' fits a column's longest word (a hash). */ widths?: ('*' | 'auto')[];
    }
  | { kind: 'pageBreak' };

export interface ReportDocument {
  title: string;
  language: Language;
  /** The footer's words beside the page number: the period and "generated on … by …". */
  footer: string;
  blocks: Block[];
}

export type ReportFormat = DocumentFormat;

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Small helpers the section builders write with. */
export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (text: string, emphasis?: 'bold' | 'note'): Block => ({ kind: 'paragraph', text, emphasis });
export const table = (header: string[], rows: string[][], widths?: ('*' | 'auto')[]): Block => ({ kind: 'table', header, rows, widths });
