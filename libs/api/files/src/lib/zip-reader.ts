import { Readable, Transform, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** A stored file's bytes by range, so a zip can be read from its directory at the end. */
export interface ByteRanges {
  size: number;
  /** The bytes from `start` up to, not including, `end`. */
  read(start: number, end: number): Readable;
}

/** The bytes of a buffer as ranges (tests, small files). */
export function bufferRanges(bytes: Buffer): ByteRanges {
  return { size: bytes.length, read: (start, end) => Readable.from([bytes.subarray(start, end)]) };
}

/** The zip unpacks to more than the reader allows: it was not inflated any further. */
export class UnpackLimitError extends Error {
  constructor(readonly limit: number) {
    super(`The file unpacks to more than ${Math.round(limit / 1024 / 1024)} MB.`);
  }
}

/** Not a zip this reader reads: damaged, encrypted, ZIP64, or packed with another method than deflate. */
export class UnreadableZipError extends Error {}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  headerOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** An office document has dozens of entries; a directory of thousands is not one. */
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

/**
 * Reads entries of a zip file (XLSX, DOCX, ODS… are zip files) through its central directory, so
 * only the entries asked for are inflated, in the order the caller needs them. Every byte they
 * unpack to is counted against one limit for the whole file: past it the entry fails with
 * UnpackLimitError and inflating stops there, so a zip bomb costs at most `unpackLimit` bytes of
 * work. The sizes a zip claims are not believed, nor needed: an entry read only in part (the first
 * rows of a large sheet) counts only what was read.
 */
export class ZipReader {
  private unpacked = 0;
  private readonly opened: Readable[] = [];

  private constructor(
    private readonly bytes: ByteRanges,
    private readonly entries: Map<string, ZipEntry>,
    readonly unpackLimit: number,
  ) {}

  static async open(bytes: ByteRanges, unpackLimit: number): Promise<ZipReader> {
    // The end-of-directory record is in the last 22 bytes, or before a comment of up to 64 KB.
    const tailStart = Math.max(0, bytes.size - 22 - 0xffff);
    const tail = await readAll(bytes.read(tailStart, bytes.size));
    let end = -1;
    for (let at = tail.length - 22; at >= 0 && end < 0; at--) {
      if (tail.readUInt32LE(at) === END_OF_DIRECTORY && at + 22 + tail.readUInt16LE(at + 20) === tail.length) end = at;
    }
    if (end < 0) throw new UnreadableZipError('No zip directory at the end of the file.');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) throw new UnreadableZipError('ZIP64 is not read here.');
    if (count > MAX_ENTRIES || directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > tailStart + end) {
      throw new UnreadableZipError('The zip directory is not one of an office document.');
    }
    const directory = await readAll(bytes.read(directoryOffset, directoryOffset + directorySize));
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new UnreadableZipError('The zip directory is damaged.');
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      entries.set(name, {
        name,
        flags: directory.readUInt16LE(at + 8),
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        headerOffset: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return new ZipReader(bytes, entries, unpackLimit);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated as they are read. */
  async entry(name: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new UnreadableZipError(`The zip has no ${name}.`);
    if (entry.flags & 0x1) throw new UnreadableZipError(`${name} is encrypted.`);
    if (entry.method !== 0 && entry.method !== 8) throw new UnreadableZipError(`${name} is packed with method ${entry.method}.`);
    if (entry.compressedSize === 0xffffffff || entry.headerOffset === 0xffffffff) throw new UnreadableZipError('ZIP64 is not read here.');
    const header = await readAll(this.bytes.read(entry.headerOffset, entry.headerOffset + 30));
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw new UnreadableZipError(`The zip entry ${name} is damaged.`);
    const start = entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.bytes.size) throw new UnreadableZipError(`The zip entry ${name} runs past the end of the file.`);
    const packed = entry.compressedSize === 0 ? Readable.from([]) : this.bytes.read(start, start + entry.compressedSize);
    const count = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.unpacked += chunk.length;
        // Failing here destroys the whole pipeline: the inflater stops and the file is closed.
        done(this.unpacked > this.unpackLimit ? new UnpackLimitError(this.unpackLimit) : null, chunk);
      },
    });
    // The reader's error comes out of `count`; the pipeline's own report of it adds nothing.
    const unpacked = entry.method === 8 ? pipeline(packed, createInflateRaw(), count, () => undefined) : pipeline(packed, count, () => undefined);
    this.opened.push(unpacked);
    return unpacked;
  }

  /** Stops every entry still being read (a parser that failed halfway leaves its stream open). */
  close(): void {
    for (const entry of this.opened) entry.destroy();
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
