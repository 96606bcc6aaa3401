import { Readable, Transform } from 'node:stream';
import { type Entry, type ZipFile, fromRandomAccessReaderPromise, RandomAccessReader } from 'yauzl';

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

/** Not a zip this reader reads: damaged, encrypted, packed with another method than deflate, or not a zip at all. */
export class UnreadableZipError extends Error {}

/** yauzl reads the zip through this, so any FileStorage will do, not only local files. */
class RangeReader extends RandomAccessReader {
  constructor(private readonly bytes: ByteRanges) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.bytes.read(start, end);
  }
}

/** An office document has dozens of entries; a directory of thousands is not one (and each costs memory). */
const MAX_ENTRIES = 10_000;

/**
 * Reads entries of a zip file (XLSX, DOCX, ODS… are zip files) with yauzl, through its central
 * directory, so only the entries asked for are inflated, in the order the caller needs them. yauzl
 * refuses an entry that unpacks to another size than its directory says; on top of that, every
 * byte the entries unpack to is counted against one limit for the whole file, because a directory
 * may claim a gigabyte honestly: past the limit the entry fails with UnpackLimitError and inflating
 * stops there, so a zip bomb costs at most `unpackLimit` bytes of work. An entry read only in part
 * (the first rows of a large sheet) counts only what was read.
 */
export class ZipReader {
  private unpacked = 0;
  private readonly opened: Readable[] = [];

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    readonly unpackLimit: number,
  ) {}

  static async open(bytes: ByteRanges, unpackLimit: number): Promise<ZipReader> {
    let zip: ZipFile;
    try {
      // autoClose off: the reader stays open after the directory, for the entries read later.
      zip = await fromRandomAccessReaderPromise(new RangeReader(bytes), bytes.size, {
        lazyEntries: true,
        autoClose: false,
        validateEntrySizes: true,
        decodeStrings: true,
      });
    } catch (error) {
      throw new UnreadableZipError((error as Error).message);
    }
    const entries = new Map<string, Entry>();
    try {
      if (zip.entryCount > MAX_ENTRIES) throw new Error('The zip directory is not one of an office document.');
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    } catch (error) {
      zip.close();
      throw new UnreadableZipError((error as Error).message);
    }
    return new ZipReader(zip, entries, unpackLimit);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated as they are read. */
  async entry(name: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new UnreadableZipError(`The zip has no ${name}.`);
    // yauzl refuses these too; saying which keeps the reason readable.
    if (entry.isEncrypted()) throw new UnreadableZipError(`${name} is encrypted.`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      throw new UnreadableZipError(`${name} is packed with method ${entry.compressionMethod}.`);
    let packed: Readable;
    try {
      packed = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new UnreadableZipError(`The zip entry ${name} is damaged: ${(error as Error).message}`);
    }
    const unpacked = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.unpacked += chunk.length;
        done(this.unpacked > this.unpackLimit ? new UnpackLimitError(this.unpackLimit) : null, chunk);
      },
    });
    // yauzl's errors (bad deflate data, more or fewer bytes than the directory says) are the zip's fault.
    packed.on('error', (error) => unpacked.destroy(new UnreadableZipError(`The zip entry ${name} is damaged: ${error.message}`)));
    // However `unpacked` ends (the limit, the caller, close()), inflating stops; yauzl wants its stream unpiped first.
    unpacked.once('close', () => {
      packed.unpipe(unpacked);
      packed.destroy();
    });
    packed.pipe(unpacked);
    this.opened.push(unpacked);
    return unpacked;
  }

  /** Stops every entry still being read (a parser that failed halfway leaves its stream open). */
  close(): void {
    for (const entry of this.opened) entry.destroy();
    this.zip.close();
  }
}
