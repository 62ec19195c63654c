import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { DomainError } from '@cf/platform';
import { ByteMeter } from './byte-meter';
import { assertValidObjectKey, MAX_OBJECT_KEY_LENGTH } from './object-storage';
import { InvalidObjectKeyError, PayloadTooLargeError } from './storage-errors';

describe('assertValidObjectKey', () => {
  it.each(['attachments/0f8fad5b-d9cb-469f-a165-70867728950e', 'a', 'x/y/z.pdf', 'A_b-c.d/e', '.hidden/x'])(
    'accepts %s',
    (key) => {
      expect(() => assertValidObjectKey(key)).not.toThrow();
    },
  );

  it.each([
    ['', 'empty'],
    ['/etc/passwd', 'leading /'],
    ['attachments/', 'trailing /'],
    ['../secret', '..'],
    ['attachments/../../x', '.. segment'],
    ['a..b', '.. inside a name'],
    ['a//b', 'empty segment'],
    ['./a', '. segment'],
    ['a/./b', '. segment inside'],
    ['a b', 'space'],
    ['a\\b', 'backslash'],
    ['a\0b', 'NUL'],
    ['été', 'non-ASCII'],
    ['a~tmp', '~'],
    ['x'.repeat(MAX_OBJECT_KEY_LENGTH + 1), 'too long'],
  ])('refuses key %# (%s)', (key) => {
    expect(() => assertValidObjectKey(key)).toThrow(InvalidObjectKeyError);
  });

  it('is a 400 DomainError', () => {
    const error = (() => {
      try {
        assertValidObjectKey('../x');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INVALID_OBJECT_KEY', status: 400 });
  });
});

describe('PayloadTooLargeError', () => {
  it('is a 413 DomainError with code FILE_TOO_LARGE', () => {
    const error = new PayloadTooLargeError(1024);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413, details: { maxBytes: 1024 } });
  });
});

describe('ByteMeter', () => {
  const sink = (into: Buffer[]) =>
    new Writable({
      write(chunk: Buffer, _e, cb) {
        into.push(chunk);
        cb();
      },
    });

  it('passes the bytes through, counting and hashing them; exactly maxBytes is allowed', async () => {
    const data = Buffer.from('x'.repeat(1000));
    const meter = new ByteMeter(1000);
    const out: Buffer[] = [];
    await pipeline(Readable.from([data.subarray(0, 300), data.subarray(300)]), meter, sink(out));
    expect(Buffer.concat(out)).toEqual(data);
    expect(meter.sizeBytes).toBe(1000);
    expect(meter.sha256()).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('fails with PayloadTooLargeError at the first byte over, passing none of the excess on', async () => {
    const meter = new ByteMeter(10);
    const out: Buffer[] = [];
    await expect(pipeline(Readable.from([Buffer.alloc(8), Buffer.alloc(8), Buffer.alloc(8)]), meter, sink(out))).rejects.toThrow(
      PayloadTooLargeError,
    );
    expect(meter.tooLarge).toBe(true);
    expect(Buffer.concat(out).length).toBe(8);
  });

  it('refuses a nonsensical limit', () => {
    expect(() => new ByteMeter(-1)).toThrow(RangeError);
    expect(() => new ByteMeter(Number.NaN)).toThrow(RangeError);
  });
});
