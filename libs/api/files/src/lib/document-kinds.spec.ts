import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DocumentKindSniffer } from './document-kinds';

/** Feeds bytes in small chunks, as a network stream would, and asks for the kind. */
function sniff(bytes: Buffer, fileName: string, chunkSize = 7): string | null {
  const sniffer = new DocumentKindSniffer();
  for (let i = 0; i < bytes.length; i += chunkSize) sniffer.push(bytes.subarray(i, i + chunkSize));
  return sniffer.kind(fileName);
}

/** A minimal zip local header carrying one entry name (what office formats start with). */
function zipWith(entryName: string, content = ''): Buffer {
  const name = Buffer.from(entryName);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, Buffer.from(content)]);
}

describe('the kind of a file, by its bytes', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'report.pdf', 'pdf'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'chart.png', 'png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), 'photo.jpg', 'jpeg'],
    ['an ODT', zipWith('mimetype', 'application/vnd.oasis.opendocument.text'), 'minutes.odt', 'odt'],
    ['an ODS', zipWith('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), 'figures.ods', 'ods'],
    ['a DOCX', Buffer.concat([zipWith('[Content_Types].xml', 'x'.repeat(100)), zipWith('word/document.xml')]), 'law.docx', 'docx'],
    ['UTF-8 text with diacritics', Buffer.from('Pravosuđe, tužilaštvo i policija\n'), 'notes.txt', 'txt'],
    ['CSV (text named .csv)', Buffer.from('series,period,value\nConvictions,2019,12\n'), 'data.csv', 'csv'],
  ])('%s', (_what, bytes, name, kind) => {
    expect(sniff(bytes, name)).toBe(kind);
    expect(sniff(bytes, name, 1)).toBe(kind);
  });

  it('knows an XLSX written by a spreadsheet library', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Series').addRow(['Convictions', 2019, 12]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(sniff(bytes, 'anything.bin', 1000)).toBe('xlsx');
  });

  it.each([
    ['HTML bytes named .pdf', Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), 'report.pdf'],
    ['HTML bytes named .txt', Buffer.from('  <html><body onload=alert(1)>'), 'notes.txt'],
    ['SVG named .png', Buffer.from('\uFEFF<svg xmlns="http://www.w3.org/2000/svg"/>'), 'chart.png'],
    ['an executable', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]), 'tool.pdf'],
    ['binary with NUL bytes', Buffer.from([0x41, 0x00, 0x42]), 'notes.txt'],
    ['invalid UTF-8', Buffer.from([0x41, 0xc3, 0x28]), 'notes.txt'],
    ['a zip of something else', zipWith('payload/run.sh', '#!/bin/sh'), 'archive.docx'],
    ['nothing', Buffer.alloc(0), 'empty.pdf'],
  ])('refuses %s', (_what, bytes, name) => {
    expect(sniff(bytes, name)).toBeNull();
  });

  it("reads this repository's own README as text", () => {
    expect(sniff(readFileSync(join(__dirname, '../../../../../README.md')), 'README.md', 4096)).toBe('txt');
  });
});
