import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TableChecksum } from './table-checksum';

/** COPY text split into chunks of `size` bytes (a row may straddle two chunks), through a TableChecksum. */
async function checksum(text: string, size = 7): Promise<TableChecksum> {
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  const sum = new TableChecksum();
  await pipeline(Readable.from(chunks), sum, new Writable({ write: (_c, _e, done) => done() }));
  return sum;
}

describe('a table checksum', () => {
  const rows = ['1\tAna\t2026-01-01 00:00:00+00\n', '2\tMarko\t\\N\n', '3\tline\\nbreak\t{"a": 1}\n'];

  it('counts rows and does not depend on their order or on how the stream is cut', async () => {
    const a = await checksum(rows.join(''), 5);
    const b = await checksum([rows[2], rows[0], rows[1]].join(''), 64);
    expect(a.rows).toBe(3);
    expect(a.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(b.checksum).toBe(a.checksum);
  });

  it('changes with a changed, a missing or a repeated row', async () => {
    const base = (await checksum(rows.join(''))).checksum;
    expect((await checksum(rows.join('').replace('Marko', 'Marka'))).checksum).not.toBe(base);
    expect((await checksum(rows.slice(1).join(''))).checksum).not.toBe(base);
    expect((await checksum([...rows, rows[0]].join(''))).checksum).not.toBe(base);
  });

  it('is zeros for an empty table, and fails on data cut off inside a row', async () => {
    expect(await checksum('')).toMatchObject({ rows: 0, checksum: '0'.repeat(64) });
    await expect(checksum('1\tAna\n2\tMar')).rejects.toThrow('COPY data ended inside a row');
  });
});
