import 'reflect-metadata';
import { Workbook } from 'exceljs';
import { bufferRanges } from '@bt/api/files';
import { TRACK_RECORD_COLUMNS } from '@bt/contracts';
import { xlsxBomb } from '@bt/testing';
import {
  checkTrackRecordRows,
  MAX_IMPORT_ROWS,
  MAX_SHEET_ROWS,
  parseCategory,
  readTrackRecordSheet,
  type SheetReading,
  type SheetRow,
  trackRecordWorkbook,
} from './track-record-sheet';

const header = [...TRACK_RECORD_COLUMNS];
const row = (n: number, cells: Partial<Record<(typeof TRACK_RECORD_COLUMNS)[number], string>>) => ({
  row: n,
  cells: TRACK_RECORD_COLUMNS.map((c) => cells[c] ?? ''),
});
const good = {
  'series name': 'Final convictions',
  unit: 'persons',
  category: 'Migrant smuggling',
  period: '2019',
  value: '12',
  source: 'Supreme Court report',
};

describe('checking a track-record sheet', () => {
  it('groups figures by series name whatever its case, and normalises periods', () => {
    const check = checkTrackRecordRows(
      header.map((h) => h.toUpperCase()),
      [row(2, good), row(3, { ...good, 'series name': 'FINAL convictions', period: '2020-q1', value: '3.5' })],
    );
    expect(check).toEqual({
      ok: true,
      rows: 2,
      series: [
        {
          name: 'Final convictions',
          unit: 'persons',
          category: 'migrant_smuggling',
          countingRule: '',
          values: [
            { period: '2019', value: '12', source: 'Supreme Court report', note: '' },
            { period: '2020-Q1', value: '3.5', source: 'Supreme Court report', note: '' },
          ],
          firstRow: 2,
        },
      ],
    });
  });

  it('reports every bad row with its row number and column', () => {
    const check = checkTrackRecordRows(header, [
      row(2, good),
      row(3, { ...good, period: '2019/20', value: '-4' }),
      row(4, { ...good, category: 'smuggling of owls', source: '' }),
      row(5, { ...good, value: '1.234' }),
      row(6, good),
      row(7, { ...good, unit: 'cases', period: '2021' }),
    ]);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'period'],
      [3, 'value'],
      [4, 'source'],
      [4, 'category'],
      [5, 'value'],
      [6, 'period'],
      [7, 'unit'],
    ]);
  });

  it('names a missing column in the header row and refuses a sheet without figures', () => {
    const noValue = checkTrackRecordRows(
      header.filter((h) => h !== 'value'),
      [],
    );
    expect(!noValue.ok && noValue.errors).toEqual([
      { row: 1, column: 'value', code: 'track-records.column-missing', params: { column: 'value' }, message: 'The header row has no "value" column.' },
    ]);
    const empty = checkTrackRecordRows(header, [row(2, {})]);
    expect(!empty.ok && empty.errors[0]).toMatchObject({ code: 'track-records.no-figures', message: expect.stringMatching(/no figures/) });
  });

  it('knows categories by key or by label', () => {
    expect(parseCategory('Trafficking in human beings')).toBe('trafficking_in_human_beings');
    expect(parseCategory('money-laundering')).toBe('money_laundering');
    expect(parseCategory('parking')).toBeNull();
  });

  it('reads back what it exports, from XLSX and from CSV', async () => {
    const workbook = trackRecordWorkbook([
      {
        id: 's',
        benchmarkId: 'b',
        name: 'Seizures',
        unit: 'kg',
        category: 'drugs',
        countingRule: 'Net weight',
        values: [{ period: '2019', value: 1250.5, source: 'Police', note: '' }],
      },
    ]);
    const xlsx = rowsOf(await readTrackRecordSheet(bufferRanges(Buffer.from(await workbook.xlsx.writeBuffer())), 'xlsx'));
    expect(xlsx.rows).toEqual([{ row: 2, cells: ['Seizures', 'kg', 'Drugs', 'Net weight', '2019', '1250.5', 'Police', ''] }]);
    const csv = rowsOf(await readTrackRecordSheet(bufferRanges(Buffer.from(`${header.join(',')}\nSeizures,kg,drugs,,2019,0012,Police,\n`)), 'csv'));
    expect(csv.rows[0].cells[5]).toBe('0012');
    expect(await readTrackRecordSheet(bufferRanges(Buffer.from('PK\u0003\u0004 not a workbook')), 'xlsx')).toEqual({
      unreadable: { code: 'track-records.not-a-sheet', params: {}, message: 'The file could not be read as a spreadsheet.' },
    });
  });

  it('keeps Serbian letters whole wherever the streamed bytes are cut, and dates as dates', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Figures');
    sheet.addRow(header);
    const names = Array.from({ length: 3000 }, (_, i) => `Pravosuđe: presude za šverc, čl. ${i} (ćž)`);
    for (const name of names) sheet.addRow([name, 'predmeti', 'Corruption', '', '2019', 1, 'Vrhovni kasacioni sud', new Date(Date.UTC(2020, 0, 31))]);
    const read = rowsOf(await readTrackRecordSheet(bufferRanges(Buffer.from(await workbook.xlsx.writeBuffer())), 'xlsx'));
    expect(read.rows.map((r) => r.cells[0])).toEqual(names);
    expect(read.rows[0].cells[7]).toBe('2020-01-31');
  });

  it('stops reading at the first figure past the limit, and the check names that row', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Figures');
    sheet.addRow(header);
    for (let i = 0; i < MAX_IMPORT_ROWS + 2000; i++) sheet.addRow(['Seizures', 'kg', 'Drugs', '', String(1000 + i), 1, 'Police', '']);
    const csvText = [header.join(','), ...Array.from({ length: MAX_IMPORT_ROWS + 2000 }, (_, i) => `Seizures,kg,Drugs,,${1000 + i},1,Police,`)].join('\n');
    for (const read of [
      rowsOf(await readTrackRecordSheet(bufferRanges(Buffer.from(await workbook.xlsx.writeBuffer())), 'xlsx')),
      rowsOf(await readTrackRecordSheet(bufferRanges(Buffer.from(csvText)), 'csv')),
    ]) {
      expect(read.rows).toHaveLength(MAX_IMPORT_ROWS + 1);
      const check = checkTrackRecordRows(read.header, read.rows);
      expect(!check.ok && check.errors).toEqual([
        {
          row: MAX_IMPORT_ROWS + 2,
          column: null,
          code: 'track-records.too-many-figures',
          params: { max: MAX_IMPORT_ROWS },
          message: `A sheet may hold at most ${MAX_IMPORT_ROWS} figures.`,
        },
      ]);
    }
  });

  it('stops at a file of blank lines, and reads only the first columns of a row', async () => {
    const blank = await readTrackRecordSheet(bufferRanges(Buffer.from('series name,unit\n' + '\n'.repeat(MAX_SHEET_ROWS * 3))), 'csv');
    expect(blank).toEqual({
      unreadable: {
        code: 'track-records.sheet-too-long',
        params: { rows: MAX_SHEET_ROWS, figures: MAX_IMPORT_ROWS },
        message: `The sheet has more than ${MAX_SHEET_ROWS} rows, blank ones included: a track-record sheet holds at most ${MAX_IMPORT_ROWS} figures.`,
      },
    });

    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Track records');
    sheet.addRow(['series name', 'unit']);
    sheet.getCell('A2').value = 'Asylum applications';
    sheet.getCell('XFD2').value = 'far away';
    const wide = await readTrackRecordSheet(bufferRanges(Buffer.from(await workbook.xlsx.writeBuffer())), 'xlsx');
    expect('rows' in wide && wide.rows.map((r) => r.cells)).toEqual([['Asylum applications', '']]);
  });

  it('refuses an XLSX that unpacks past the limit (a zip bomb) without inflating it', async () => {
    const read = await readTrackRecordSheet(bufferRanges(xlsxBomb(1024)), 'xlsx');
    expect(read).toEqual({
      unreadable: {
        code: 'track-records.sheet-unpacks-too-large',
        params: { megabytes: 50, figures: 5000 },
        message: expect.stringMatching(/^The file unpacks to more than 50 MB\. A track-record sheet of at most 5000 figures is far smaller/),
      },
    });
  });
});

function rowsOf(reading: SheetReading): { header: string[]; rows: SheetRow[] } {
  if ('unreadable' in reading) throw new Error(reading.unreadable.message);
  return reading;
}
