import 'reflect-metadata';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { TRACK_RECORD_COLUMNS } from '@bt/contracts';
import type { ApiClient } from '@bt/testing';
import { startTestApi, type TestApi } from './testing/test-api';

// Track records: the import is all or nothing with a per-row report; the export reads back; who sees what.
jest.setTimeout(60_000);
const BENCHMARK = 'RS-24-POL-13';

async function sheet(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet('Figures');
  ws.addRow(TRACK_RECORD_COLUMNS.map((c) => c.toUpperCase()));
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('track records', () => {
  let api: TestApi;
  let ministry: ApiClient;
  let cso: ApiClient;
  let expert: ApiClient;
  let albania: ApiClient;
  const filesDir = mkdtempSync(join(tmpdir(), 'bt-track-records-'));

  beforeAll(async () => {
    api = await startTestApi({ FILES_DIR: filesDir });
    ministry = api.client({ ip: '10.7.0.1' });
    cso = api.client({ ip: '10.7.0.2' });
    expert = api.client({ ip: '10.7.0.3' });
    albania = api.client({ ip: '10.7.0.4' });
    await Promise.all([
      ministry.signIn('ministry@demo.test'),
      cso.signIn('cso@demo.test'),
      expert.signIn('expert@demo.test'),
      albania.signIn('ministry.al@demo.test'),
    ]);
  });
  afterAll(() => api?.close());

  const upload = async (client: ApiClient, bytes: Buffer, name: string, code = BENCHMARK) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(`${api.baseUrl}/api/benchmarks/${code}/track-records/import`, {
      method: 'POST',
      body: form,
      headers: client.browserHeaders('POST'),
    });
    return { status: response.status, body: await response.json() };
  };
  const contents = async () => ({
    series: await api.sql(`SELECT name, unit, category FROM track_record_series s JOIN benchmark b ON b.id = s.benchmark_id WHERE b.code = $1 ORDER BY name`, [
      BENCHMARK,
    ]),
    values: await api.sql(
      `SELECT v.period, v.value::text, v.source FROM track_record_value v JOIN track_record_series s ON s.id = v.series_id JOIN benchmark b ON b.id = s.benchmark_id WHERE b.code = $1 ORDER BY s.name, v.period`,
      [BENCHMARK],
    ),
    imports: (await api.sql(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'track-record.imported'`))[0].n,
    storedFiles: readdirSync(filesDir).length,
  });

  it('seeds the figures Serbia reported, with their source', async () => {
    const answer = await ministry.get('/api/benchmarks/RS-24-TER-01/track-records');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      expect.objectContaining({
        name: 'Messages exchanged via CT SIENA by the Service for Combating Terrorism',
        category: 'terrorism',
        values: [
          expect.objectContaining({ period: '2019', value: 394, source: expect.stringContaining('8888/1/20') }),
          expect.objectContaining({ period: '2020-Q1', value: 129 }),
        ],
      }),
    ]);
  });

  it('refuses a sheet with bad rows as a whole: 422 with row, column and message, and nothing changes', async () => {
    // A first good import, so "nothing changes" is checked against real rows.
    const first = await upload(
      ministry,
      await sheet([['Final convictions for organised crime', 'persons', 'Organised crime', 'Final judgments', '2019', 40, 'Supreme Court of Cassation', '']]),
      'first.xlsx',
    );
    expect(first.status).toBe(201);
    const before = await contents();

    const bad = await upload(
      ministry,
      await sheet([
        ['Final convictions for organised crime', 'persons', 'Organised crime', '', '2019', 45, 'Supreme Court of Cassation', 'corrected'],
        ['Final convictions for organised crime', 'persons', 'Organised crime', '', '2020', -3, 'Supreme Court of Cassation', ''],
        ['Confiscated assets', 'EUR', 'Asset theft', '', '2020-Q5', 1000, '', ''],
        ['Confiscated assets', 'EUR', 'Asset recovery', '', '2020', 'lots', 'Directorate for Confiscated Property Management', ''],
      ]),
      'bad.xlsx',
    );
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({
      code: 'track-records.sheet-has-problems',
      params: { count: 5 },
      message: 'Nothing was imported: the sheet has 5 problems.',
    });
    expect(bad.body.errors).toEqual([
      { row: 3, column: 'value', code: 'track-records.cell-not-a-figure', params: { value: '-3' }, message: expect.stringContaining('"-3" is not a figure') },
      { row: 4, column: 'source', code: 'track-records.cell-missing', params: { column: 'source' }, message: 'The source is missing.' },
      {
        row: 4,
        column: 'category',
        code: 'track-records.cell-not-a-category',
        params: expect.objectContaining({ value: 'Asset theft' }),
        message: expect.stringContaining('"Asset theft" is not a category'),
      },
      { row: 4, column: 'period', code: 'track-records.cell-not-a-period', params: { value: '2020-Q5' }, message: expect.stringContaining('2020-Q5') },
      {
        row: 5,
        column: 'value',
        code: 'track-records.cell-not-a-figure',
        params: { value: 'lots' },
        message: expect.stringContaining('"lots" is not a figure'),
      },
    ]);
    // The good first row of the bad sheet (45 instead of 40) was not written either, and the upload was not kept.
    expect(await contents()).toEqual(before);
  });

  it('imports a CSV sheet in one transaction: series by name, figures by period, one audit event with the counts', async () => {
    const csv = [
      'Series name,Unit,Category,Counting rule,Period,Value,Source,Note',
      'final convictions for organised crime,persons,organised crime,,2019,41,Supreme Court of Cassation,revised',
      'Final convictions for organised crime,persons,organised crime,,2020,37,Supreme Court of Cassation,',
      'Confiscated assets,EUR,Asset recovery,Final confiscation orders,2020-Q1,125000.50,Directorate for Confiscated Property Management,',
    ].join('\n');
    const answer = await upload(ministry, Buffer.from(csv), 'figures.csv');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ rows: 3, seriesCreated: 1, seriesUpdated: 1, valuesCreated: 2, valuesUpdated: 1 });
    const now = await contents();
    expect(now.values).toEqual([
      { period: '2020-Q1', value: '125000.50', source: 'Directorate for Confiscated Property Management' },
      { period: '2019', value: '41.00', source: 'Supreme Court of Cassation' },
      { period: '2020', value: '37.00', source: 'Supreme Court of Cassation' },
    ]);
    const [event] = await api.sql(`SELECT data FROM audit_event WHERE action = 'track-record.imported' ORDER BY id DESC LIMIT 1`);
    expect(event.data).toMatchObject({ fileName: 'figures.csv', rows: 3, seriesCreated: 1, seriesUpdated: 1, valuesCreated: 2, valuesUpdated: 1 });
  });

  it('refuses a sheet that would change the unit or category of a stored series (422 at its row), changing nothing', async () => {
    const before = await contents();
    const csv = [
      'Series name,Unit,Category,Counting rule,Period,Value,Source,Note',
      'New series from this sheet,cases,Drugs,,2021,12,Police,',
      'Final convictions for organised crime,cases,Corruption,,2021,50,Supreme Court of Cassation,',
    ].join('\n');
    const answer = await upload(ministry, Buffer.from(csv), 'redefine.csv');
    expect([answer.status, answer.body.errors]).toEqual([
      422,
      [
        {
          row: 3,
          column: 'unit',
          code: 'track-records.stored-unit-differs',
          params: { series: 'Final convictions for organised crime', unit: 'persons' },
          message: 'The series "Final convictions for organised crime" is counted in "persons": a sheet cannot change its unit (name a new series instead).',
        },
        {
          row: 3,
          column: 'category',
          code: 'track-records.stored-category-differs',
          params: { series: 'Final convictions for organised crime', category: 'Organised crime' },
          message: expect.stringContaining('is in the category "Organised crime": a sheet cannot change it'),
        },
      ],
    ]);
    expect(await contents()).toEqual(before);
  });

  it('exports the series as XLSX in the import layout', async () => {
    const response = await fetch(`${api.baseUrl}/api/benchmarks/${BENCHMARK}/track-records.xlsx`, { headers: cso.browserHeaders() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`${BENCHMARK}-track-records.xlsx`);
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const rows = workbook.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1, 7));
    expect(rows).toEqual([
      [...TRACK_RECORD_COLUMNS].slice(0, 6),
      ['Final convictions for organised crime', 'persons', 'Organised crime', 'Final judgments', '2019', 41],
      ['Final convictions for organised crime', 'persons', 'Organised crime', 'Final judgments', '2020', 37],
      ['Confiscated assets', 'EUR', 'Asset recovery', 'Final confiscation orders', '2020-Q1', 125000.5],
    ]);
  });

  it('lets only the ministry of the country write; CSOs read; others do not see the benchmark', async () => {
    const bytes = await sheet([['X', 'cases', 'Drugs', '', '2020', 1, 'Police', '']]);
    expect((await upload(cso, bytes, 'x.xlsx')).status).toBe(403);
    expect((await upload(albania, bytes, 'x.xlsx')).status).toBe(404);
    expect((await cso.get(`/api/benchmarks/${BENCHMARK}/track-records`)).status).toBe(200);
    expect((await albania.get(`/api/benchmarks/${BENCHMARK}/track-records`)).status).toBe(404);
    // The expert is on no mission of this benchmark.
    expect((await expert.get(`/api/benchmarks/${BENCHMARK}/track-records`)).status).toBe(404);
    expect((await api.client().get(`/api/benchmarks/${BENCHMARK}/track-records`)).status).toBe(401);
    expect(readdirSync(filesDir).length).toBe(2);
  });

  it('refuses a file that is not a sheet (415) and sets single figures with a valid period only', async () => {
    expect((await upload(ministry, Buffer.from('%PDF-1.7\n%%EOF'), 'figures.xlsx')).status).toBe(415);
    const [series] = (await ministry.get(`/api/benchmarks/${BENCHMARK}/track-records`)).body;
    expect((await ministry.put(`/api/track-records/${series.id}/values/2021-Q5`, { value: 1, source: 'x' })).status).toBe(422);
    expect((await ministry.put(`/api/track-records/${series.id}/values/2021`, { value: -1, source: 'x' })).status).toBe(400);
    const set = await ministry.put(`/api/track-records/${series.id}/values/2021-q2`, { value: 12.5, source: 'Supreme Court of Cassation' });
    expect(set.status).toBe(200);
    expect(set.body.values.at(-1)).toEqual({ period: '2021-Q2', value: 12.5, source: 'Supreme Court of Cassation', note: '' });
    expect((await cso.put(`/api/track-records/${series.id}/values/2021`, { value: 1, source: 'x' })).status).toBe(403);
  });
});
