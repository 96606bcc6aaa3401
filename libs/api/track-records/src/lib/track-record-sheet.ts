import { Readable, pipeline } from 'node:stream';
import type { CellValue, Row, Workbook } from 'exceljs';
import type * as FastCsv from 'fast-csv';
import { onFirstUse } from '@bt/api/core';
import { type ByteRanges, exceljs, UnpackLimitError, ZipReader } from '@bt/api/files';
import {
  type RefusalArgs,
  type RefusalCode,
  type RefusalReason,
  refusal,
  TRACK_RECORD_CATEGORIES,
  TRACK_RECORD_COLUMNS,
  isTrackRecordPeriod,
  type TrackRecordCategory,
  type TrackRecordColumn,
  type TrackRecordImportErrorDto,
  type TrackRecordSeriesDto,
} from '@bt/contracts';

/*
 * The track-record sheet: one row per figure (series name, unit, category, counting rule, period,
 * value, source, note) under a header row. Reading it checks every row before anything is written,
 * so the ministry gets the whole list of problems at once, each with the sheet's own row number.
 */

/** fast-csv, required with the first CSV sheet read (onFirstUse). */
const fastCsv = onFirstUse(() => require('fast-csv') as typeof FastCsv);

/** Beyond this, a sheet is not a track record but a data dump: refused as a whole. */
export const MAX_IMPORT_ROWS = 5000;

const LIMITS: Partial<Record<TrackRecordColumn, number>> = { 'series name': 300, unit: 50, 'counting rule': 2000, source: 1000, note: 2000 };
const REQUIRED: readonly TrackRecordColumn[] = ['series name', 'unit', 'category', 'period', 'value', 'source'];

export interface SheetRow {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: string[];
}

export interface ImportedSeries {
  name: string;
  unit: string;
  category: TrackRecordCategory;
  countingRule: string;
  values: { period: string; value: string; source: string; note: string }[];
  /** The sheet's row that first describes the series (for a problem found against the stored series). */
  firstRow: number;
}

export type SheetCheck = { ok: true; series: ImportedSeries[]; rows: number } | { ok: false; errors: TrackRecordImportErrorDto[] };

/** A problem of the sheet at a row (and column): its code, parameters and English message. */
function problemAt<C extends RefusalCode>(row: number, column: TrackRecordColumn | null, code: C, ...params: RefusalArgs<C>): TrackRecordImportErrorDto {
  return { row, column, ...refusal(code, ...params) };
}

/**
 * A sheet adds figures to a stored series but does not redefine it: a different unit or category
 * would silently reinterpret the figures already there. One problem per such series, at its first row.
 */
export function conflictsWithStoredSeries(
  series: ImportedSeries[],
  stored: { name: string; unit: string; category: TrackRecordCategory }[],
): TrackRecordImportErrorDto[] {
  const byName = new Map(stored.map((s) => [s.name.toLowerCase(), s]));
  const errors: TrackRecordImportErrorDto[] = [];
  for (const s of series) {
    const existing = byName.get(s.name.toLowerCase());
    if (!existing) continue;
    if (existing.unit.trim().toLowerCase() !== s.unit.trim().toLowerCase()) {
      errors.push(problemAt(s.firstRow, 'unit', 'track-records.stored-unit-differs', { series: existing.name, unit: existing.unit }));
    }
    if (existing.category !== s.category) {
      errors.push(
        problemAt(s.firstRow, 'category', 'track-records.stored-category-differs', { series: existing.name, category: categoryLabel(existing.category) }),
      );
    }
  }
  return errors;
}

/** "Migrant smuggling", "migrant-smuggling" and "migrant_smuggling" are one category. */
export function parseCategory(text: string): TrackRecordCategory | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_|_$/g, '');
  return (TRACK_RECORD_CATEGORIES as readonly string[]).includes(key) ? (key as TrackRecordCategory) : null;
}

export function categoryLabel(category: TrackRecordCategory): string {
  const words = category.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A non-negative figure with at most two decimals, as numeric(18,2) keeps it; the text is what goes to SQL. */
export function parseFigure(text: string): string | null {
  const figure = text.trim();
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(figure)) return null;
  return figure;
}

/** Checks the header and every row; the series come out grouped by name (case-insensitive), in sheet order. */
export function checkTrackRecordRows(header: string[], rows: SheetRow[]): SheetCheck {
  const errors: TrackRecordImportErrorDto[] = [];
  const normalised = header.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' '));
  const index = new Map<TrackRecordColumn, number>();
  for (const column of TRACK_RECORD_COLUMNS) {
    const at = normalised.indexOf(column);
    if (at >= 0) index.set(column, at);
    else if (REQUIRED.includes(column)) errors.push(problemAt(1, column, 'track-records.column-missing', { column }));
  }
  if (errors.length) return { ok: false, errors };
  const dataRows = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!dataRows.length) return { ok: false, errors: [problemAt(2, null, 'track-records.no-figures')] };
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [problemAt(dataRows[MAX_IMPORT_ROWS].row, null, 'track-records.too-many-figures', { max: MAX_IMPORT_ROWS })] };
  }

  const series = new Map<string, ImportedSeries & { periods: Map<string, number> }>();
  for (const { row, cells } of dataRows) {
    const cell = (column: TrackRecordColumn) => {
      const at = index.get(column);
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    const problem = <C extends RefusalCode>(column: TrackRecordColumn, code: C, ...params: RefusalArgs<C>) =>
      errors.push(problemAt(row, column, code, ...params));
    let rowOk = true;
    for (const column of TRACK_RECORD_COLUMNS) {
      const limit = LIMITS[column];
      if (REQUIRED.includes(column) && !cell(column)) {
        problem(column, 'track-records.cell-missing', { column });
        rowOk = false;
      } else if (limit && cell(column).length > limit) {
        problem(column, 'track-records.cell-too-long', { max: limit });
        rowOk = false;
      }
    }
    const category = cell('category') ? parseCategory(cell('category')) : null;
    if (cell('category') && !category) {
      problem('category', 'track-records.cell-not-a-category', { value: cell('category'), categories: TRACK_RECORD_CATEGORIES.map(categoryLabel).join(', ') });
      rowOk = false;
    }
    const period = cell('period').toUpperCase();
    if (period && !isTrackRecordPeriod(period)) {
      problem('period', 'track-records.cell-not-a-period', { value: cell('period') });
      rowOk = false;
    }
    const value = cell('value') ? parseFigure(cell('value')) : null;
    if (cell('value') && value === null) {
      problem('value', 'track-records.cell-not-a-figure', { value: cell('value') });
      rowOk = false;
    }
    if (!rowOk || !category || value === null) continue;

    const key = cell('series name').toLowerCase();
    let entry = series.get(key);
    if (!entry) {
      entry = { name: cell('series name'), unit: cell('unit'), category, countingRule: cell('counting rule'), values: [], firstRow: row, periods: new Map() };
      series.set(key, entry);
    } else {
      // A series is described once: its other rows must say the same.
      if (entry.unit !== cell('unit')) problem('unit', 'track-records.unit-differs-in-sheet', { series: entry.name, unit: entry.unit, row: entry.firstRow });
      if (entry.category !== category)
        problem('category', 'track-records.category-differs-in-sheet', { series: entry.name, category: categoryLabel(entry.category), row: entry.firstRow });
      if (cell('counting rule') && entry.countingRule !== cell('counting rule')) {
        problem('counting rule', 'track-records.counting-rule-differs-in-sheet', { series: entry.name, row: entry.firstRow });
      }
    }
    const earlier = entry.periods.get(period);
    if (earlier !== undefined) {
      problem('period', 'track-records.period-twice', { series: entry.name, period, row: earlier });
      continue;
    }
    entry.periods.set(period, row);
    entry.values.push({ period, value, source: cell('source'), note: cell('note') });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    rows: dataRows.length,
    series: [...series.values()].map(({ name, unit, category, countingRule, values, firstRow }) => ({ name, unit, category, countingRule, values, firstRow })),
  };
}

/** The text a reader sees in a cell, whatever exceljs made of it. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 1e6) / 1e6);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** How much a sheet's zip may unpack to: far more than MAX_IMPORT_ROWS figures take (a few MB), far less than would hurt. */
export const MAX_SHEET_UNPACKED_BYTES = 50 * 1024 * 1024;

/** The rows of a sheet up to the first past MAX_IMPORT_ROWS figures (reading stops there), or why it could not be read. */
export type SheetReading = { header: string[]; rows: SheetRow[] } | { unreadable: RefusalReason };

/** Rows of any kind, blank ones too, that a sheet may have: a file of blank lines is not read to its end. */
export const MAX_SHEET_ROWS = MAX_IMPORT_ROWS * 10;
/** Columns read of each row: the import layout has eight; a cell far to the right costs nothing. */
const MAX_COLUMNS = 32;

/**
 * Collects rows as they stream past: row 1 is the header, blank rows are passed over (counted, not
 * kept), and once there is one figure more than a sheet may hold the reader is told to stop
 * (checkTrackRecordRows then refuses the sheet at that row) — a sheet of a million rows costs no
 * more than one of 5,001, and one of a million blank lines stops at MAX_SHEET_ROWS.
 */
class RowCollector {
  header: string[] = [];
  readonly rows: SheetRow[] = [];
  tooLong = false;
  private lines = 0;
  private figures = 0;

  /** False once enough is read. */
  add(row: number, cells: string[]): boolean {
    if (++this.lines > MAX_SHEET_ROWS) {
      this.tooLong = true;
      return false;
    }
    const kept = cells.slice(0, MAX_COLUMNS);
    // A row as wide as the header, whether its last cells were written empty or left out.
    while (row !== 1 && kept.length < this.header.length) kept.push('');
    if (row === 1) this.header = kept;
    else if (kept.some((c) => c.trim() !== '')) {
      this.rows.push({ row, cells: kept });
      this.figures++;
    }
    return this.figures <= MAX_IMPORT_ROWS;
  }
}

/**
 * Reads the first sheet of an XLSX file, or a CSV file, with every cell as text, streaming: the
 * rows stop at the first past MAX_IMPORT_ROWS figures, and an XLSX (a zip) is unpacked to at most
 * MAX_SHEET_UNPACKED_BYTES — a zip bomb is refused, not inflated.
 */
export async function readTrackRecordSheet(bytes: ByteRanges, kind: 'xlsx' | 'csv'): Promise<SheetReading> {
  const rows = new RowCollector();
  let zip: ZipReader | undefined;
  try {
    if (kind === 'csv') await readCsvRows(bytes.read(0, bytes.size), rows);
    else await readXlsxRows((zip = await ZipReader.open(bytes, MAX_SHEET_UNPACKED_BYTES)), rows);
  } catch (error) {
    if (error instanceof UnpackLimitError) {
      return { unreadable: refusal('track-records.sheet-unpacks-too-large', { megabytes: Math.round(error.limit / 1024 / 1024), figures: MAX_IMPORT_ROWS }) };
    }
    return { unreadable: refusal('track-records.not-a-sheet') };
  } finally {
    zip?.close();
  }
  if (rows.tooLong) return { unreadable: refusal('track-records.sheet-too-long', { rows: MAX_SHEET_ROWS, figures: MAX_IMPORT_ROWS }) };
  return { header: rows.header, rows: rows.rows };
}

async function readCsvRows(bytes: Readable, rows: RowCollector): Promise<void> {
  // Every cell as written: a period "2019" or a value "65" must not turn into dates or floats.
  const records = pipeline(bytes, fastCsv().parse(), () => undefined);
  let row = 0;
  for await (const cells of records as AsyncIterable<string[]>) {
    // Leaving the loop early destroys the parser, and with it the file stream.
    if (!rows.add(++row, cells)) break;
  }
}

/**
 * The part parsers of exceljs' streaming WorkbookReader (exceljs 4.4.0, pinned), fed by ZipReader:
 * its own `read` unzips the whole file with no bound, and buffers a sheet that comes before the
 * shared strings (as in Excel's files) to a temporary file that an early stop would leave behind.
 */
interface WorkbookParts {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<Row> }>;
}

async function readXlsxRows(zip: ZipReader, rows: RowCollector): Promise<void> {
  const parts = new (exceljs().stream.xlsx.WorkbookReader)(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookParts;
  // Text, not bytes: exceljs decodes each chunk on its own, which would break a "đ" split between two.
  const text = async (name: string) => (await zip.entry(name)).setEncoding('utf8');
  await parts._parseRels(await text('xl/_rels/workbook.xml.rels'));
  await parts._parseWorkbook(await text('xl/workbook.xml'));
  if (zip.has('xl/sharedStrings.xml')) {
    for await (const _ of parts._parseSharedStrings(await text('xl/sharedStrings.xml'))) {
      // With sharedStrings: 'cache' the parser keeps them itself and yields nothing.
    }
  }
  if (zip.has('xl/styles.xml')) await parts._parseStyles(await text('xl/styles.xml'));
  // The first sheet in the workbook's order, wherever its part sits in the zip.
  const first = parts.model?.sheets?.[0];
  const target = parts.workbookRels?.find((r) => r.Id === first?.rId)?.Target;
  if (!target) throw new Error('The workbook has no sheet.');
  const sheet = await text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  for (const { value: worksheet } of parts._parseWorksheet(sheet, '1')) {
    for await (const row of worksheet) {
      if (!row.hasValues) continue;
      const cells: string[] = [];
      // Only cells with a value, and only the first columns: one cell at column XFD must not make 16,384.
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column <= MAX_COLUMNS) cells[column - 1] = cellText(cell.value);
      });
      // Leaving the loop early ends the parser, which destroys the sheet's stream and closes the file.
      if (
        !rows.add(
          row.number,
          Array.from({ length: cells.length }, (_, i) => cells[i] ?? ''),
        )
      )
        break;
    }
  }
}

const COLUMN_WIDTHS: Record<TrackRecordColumn, number> = {
  'series name': 48,
  unit: 12,
  category: 26,
  'counting rule': 48,
  period: 10,
  value: 14,
  source: 48,
  note: 40,
};

/** A workbook in the import layout: the export of a benchmark's series, or (no series) the empty template. */
export function trackRecordWorkbook(series: TrackRecordSeriesDto[]): Workbook {
  const workbook = new (exceljs().Workbook)();
  workbook.creator = 'Benchmark Tracker';
  const sheet = workbook.addWorksheet('Track records');
  sheet.columns = TRACK_RECORD_COLUMNS.map((column) => ({ header: column, key: column, width: COLUMN_WIDTHS[column] }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const s of series) {
    for (const v of s.values) {
      sheet.addRow({
        'series name': s.name,
        unit: s.unit,
        category: categoryLabel(s.category),
        'counting rule': s.countingRule,
        period: v.period,
        value: v.value,
        source: v.source,
        note: v.note,
      });
    }
  }
  sheet.getColumn('value').numFmt = '0.##';
  sheet.getColumn('period').numFmt = '@';
  const categories = workbook.addWorksheet('Categories');
  categories.columns = [{ header: 'category', key: 'category', width: 30 }];
  categories.getRow(1).font = { bold: true };
  for (const category of TRACK_RECORD_CATEGORIES) categories.addRow({ category: categoryLabel(category) });
  return workbook;
}
