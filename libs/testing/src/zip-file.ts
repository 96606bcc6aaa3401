import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a zip made by a test: its bytes as packed, and the size the zip claims they unpack to. */
export interface TestZipEntry {
  name: string;
  packed: Buffer;
  /** 8: raw deflate (the default); 0: stored as is. */
  method?: 0 | 8;
  declaredSize: number;
  crc?: number;
  flags?: number;
}

/** An honest entry: `content` deflated, with its true size. */
export function deflatedEntry(name: string, content: string | Buffer): TestZipEntry {
  const bytes = Buffer.from(content);
  return { name, packed: deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) };
}

/**
 * A zip bomb's entry: `prefix`, then `megabytes` MB of spaces, then `suffix` — a few hundred bytes
 * packed per MB, made without ever holding the spaces (one deflated MB, repeated: each piece ends
 * on a full flush, so the pieces join into one stream). It claims `declaredSize` (by default the
 * true size; a bomb may lie).
 */
export function spaceBombEntry(name: string, prefix: string, megabytes: number, suffix: string, declaredSize?: number): TestZipEntry {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const megabyte = deflateRawSync(Buffer.alloc(1024 * 1024, ' '), { ...flush, level: 9 });
  const packed = Buffer.concat([
    deflateRawSync(Buffer.from(prefix), flush),
    ...Array.from({ length: megabytes }, () => megabyte),
    deflateRawSync(Buffer.from(suffix)),
  ]);
  return { name, packed, declaredSize: declaredSize ?? prefix.length + megabytes * 1024 * 1024 + suffix.length };
}

/** The zip file of `entries`, in that order: local headers and data, then the central directory. */
export function zipFile(entries: TestZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.method ?? 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.packed.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, entry.packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.packed.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.length + name.length + entry.packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The smallest workbook a reader accepts, whose one sheet holds `megabytes` MB of spaces between
 * its tags: a zip bomb whose directory tells the sheet's true size (so a check of sizes against the
 * directory passes it), unless told to claim another.
 */
export function xlsxBomb(megabytes: number, options: { declaredSize?: number } = {}): Buffer {
  return zipFile([
    deflatedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflatedEntry(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedEntry(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Figures" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    spaceBombEntry(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`,
      megabytes,
      '</sheetData></worksheet>',
      options.declaredSize,
    ),
  ]);
}
