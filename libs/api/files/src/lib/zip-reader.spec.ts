import { deflatedEntry, spaceBombEntry, xlsxBomb, zipFile } from '@bt/testing';
import { bufferRanges, UnpackLimitError, UnreadableZipError, ZipReader } from './zip-reader';

const MB = 1024 * 1024;

async function text(zip: ZipReader, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.entry(name)) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

describe('reading a zip within an unpack limit', () => {
  it('reads the entries asked for, in any order, deflated or stored', async () => {
    const bytes = zipFile([deflatedEntry('b.xml', '<b>đ</b>'.repeat(1000)), { name: 'a.txt', packed: Buffer.from('as is'), method: 0, declaredSize: 5 }]);
    const zip = await ZipReader.open(bufferRanges(bytes), MB);
    expect(zip.has('b.xml') && zip.has('a.txt') && !zip.has('c')).toBe(true);
    expect(await text(zip, 'a.txt')).toBe('as is');
    expect(await text(zip, 'b.xml')).toBe('<b>đ</b>'.repeat(1000));
  });

  it('refuses a zip bomb that tells its size after the limit, without inflating the rest', async () => {
    const honest = await ZipReader.open(bufferRanges(xlsxBomb(1024)), 50 * MB);
    let unpacked = 0;
    await expect(
      (async () => {
        for await (const chunk of await honest.entry('xl/worksheets/sheet1.xml')) unpacked += chunk.length;
      })(),
    ).rejects.toThrow(UnpackLimitError);
    expect(unpacked).toBeLessThanOrEqual(50 * MB);
  });

  it('refuses a zip bomb whose directory claims less, as soon as it unpacks past its claim', async () => {
    const lying = await ZipReader.open(bufferRanges(xlsxBomb(1024, { declaredSize: 4096 })), 50 * MB);
    let unpacked = 0;
    await expect(
      (async () => {
        for await (const chunk of await lying.entry('xl/worksheets/sheet1.xml')) unpacked += chunk.length;
      })(),
    ).rejects.toThrow(UnreadableZipError);
    expect(unpacked).toBeLessThanOrEqual(4096);
  });

  it('counts what is read, not what the directory claims: the start of a large entry can be read', async () => {
    const zip = await ZipReader.open(bufferRanges(zipFile([spaceBombEntry('sheet.xml', '<a>', 1024, '</a>')])), 50 * MB);
    const entry = await zip.entry('sheet.xml');
    const first = (await entry[Symbol.asyncIterator]().next()).value as Buffer;
    expect(first.subarray(0, 4).toString()).toBe('<a> ');
    entry.destroy();
  });

  it('counts every entry read against one limit', async () => {
    const bytes = zipFile([deflatedEntry('one', 'x'.repeat(600)), deflatedEntry('two', 'y'.repeat(600))]);
    const zip = await ZipReader.open(bufferRanges(bytes), 1000);
    expect(await text(zip, 'one')).toHaveLength(600);
    await expect(text(zip, 'two')).rejects.toThrow(UnpackLimitError);
  });

  it('refuses what it does not read: not a zip, encrypted entries, other methods', async () => {
    await expect(ZipReader.open(bufferRanges(Buffer.from('PK\u0003\u0004 not a zip')), MB)).rejects.toThrow(UnreadableZipError);
    const zip = await ZipReader.open(
      bufferRanges(
        zipFile([
          { ...deflatedEntry('secret', 'x'), flags: 1 },
          { ...deflatedEntry('bzip', 'x'), method: 12 as 8 },
        ]),
      ),
      MB,
    );
    await expect(zip.entry('secret')).rejects.toThrow('encrypted');
    await expect(zip.entry('bzip')).rejects.toThrow('method 12');
    await expect(zip.entry('missing')).rejects.toThrow(UnreadableZipError);
  });
});
