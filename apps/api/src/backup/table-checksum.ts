import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

const MODULUS = 1n << 256n;

/**
 * Passes COPY's text output through while counting its rows and summing their hashes. COPY ends
 * every row with a newline and escapes newlines inside values, so a line is a row. The sum does not
 * depend on the rows' order, which a restored table need not keep; a changed, missing or extra row
 * changes it.
 */
export class TableChecksum extends Transform {
  rows = 0;
  private sum = 0n;
  private carry: Buffer = Buffer.alloc(0);

  get checksum(): string {
    return this.sum.toString(16).padStart(64, '0');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(10); end >= 0; end = data.indexOf(10, start)) {
      this.add(data.subarray(start, end));
      start = end + 1;
    }
    this.carry = Buffer.from(data.subarray(start));
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    // COPY's output always ends with a newline; a rest would be a row cut off.
    if (this.carry.length) return done(new Error('COPY data ended inside a row'));
    done();
  }

  private add(row: Buffer): void {
    this.rows++;
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(row).digest('hex')}`)) % MODULUS;
  }
}
