import 'reflect-metadata';
import { Readable } from 'node:stream';
import { TRACK_RECORD_COLUMNS } from '@bt/contracts';
import { checkTrackRecordRows, parseCategory, readTrackRecordSheet, trackRecordWorkbook } from './track-record-sheet';

const header = [...TRACK_RECORD_COLUMNS];
const row = (n: number, cells: Partial<Record<(typeof TRACK_RECORD_COLUMNS)[number], string>>) => ({
  row: n,
  cells: TRACK_RECORD_COLUMNS.map((c) => cells[c] ?? ''),
});
const good = { 'series name': 'Final convictions', unit: 'persons', category: 'Migrant smuggling', period: '2019', value: '12', source: 'Supreme Court report' };

describe('checking a track-record sheet', () => {
  it('groups figures by series name whatever its case, and normalises periods', () => {
    const check = checkTrackRecordRows(header.map((h) => h.toUpperCase()), [row(2, good), row(3, { ...good, 'series name': 'FINAL convictions', period: '2020-q1', value: '3.5' })]);
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
    const noValue = checkTrackRecordRows(header.filter((h) => h !== 'value'), []);
    expect(!noValue.ok && noValue.errors).toEqual([{ row: 1, column: 'value', message: 'The header row has no "value" column.' }]);
    const empty = checkTrackRecordRows(header, [row(2, {})]);
    expect(!empty.ok && empty.errors[0].message).toMatch(/no figures/);
  });

  it('knows categories by key or by label', () => {
    expect(parseCategory('Trafficking in human beings')).toBe('trafficking_in_human_beings');
    expect(parseCategory('money-laundering')).toBe('money_laundering');
    expect(parseCategory('parking')).toBeNull();
  });

  it('reads back what it exports, from XLSX and from CSV', async () => {
    const workbook = trackRecordWorkbook([
      { id: 's', benchmarkId: 'b', name: 'Seizures', unit: 'kg', category: 'drugs', countingRule: 'Net weight', values: [{ period: '2019', value: 1250.5, source: 'Police', note: '' }] },
    ]);
    const xlsx = await readTrackRecordSheet(Readable.from(Buffer.from(await workbook.xlsx.writeBuffer())), 'xlsx');
    expect(xlsx?.rows).toEqual([{ row: 2, cells: ['Seizures', 'kg', 'Drugs', 'Net weight', '2019', '1250.5', 'Police', ''] }]);
    const csv = await readTrackRecordSheet(Readable.from(Buffer.from(`${header.join(',')}\nSeizures,kg,drugs,,2019,0012,Police,\n`)), 'csv');
    expect(csv?.rows[0].cells[5]).toBe('0012');
    expect(await readTrackRecordSheet(Readable.from(Buffer.from('PK\u0003\u0004 not a workbook')), 'xlsx')).toBeNull();
  });
});
