import { createHash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { PayloadTooLargeError } from './storage-errors';

/**
 * A pass-through that counts and hashes the bytes, and fails with PayloadTooLargeError as soon as
 * more than `maxBytes` have arrived (the excess is never passed on).
 */
export class ByteMeter extends Transform {
  sizeBytes = 0;
  tooLarge = false;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0)
      throw new RangeError(`maxBytes must be a whole number >= 0, got ${maxBytes}`);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sizeBytes += chunk.length;
    if (this.sizeBytes > this.maxBytes) {
      this.tooLarge = true;
      callback(new PayloadTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  /** Lowercase hex SHA-256 of what passed; call once, after the stream ended. */
  sha256(): string {
    return this.hash.digest('hex');
  }
}
