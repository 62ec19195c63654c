import { Readable } from 'node:stream';
import { InvalidObjectKeyError } from './storage-errors';

export interface PutOptions {
  /** MIME type recorded with the object (S3 `Content-Type`; the local driver ignores it). */
  contentType: string;
  /** Largest accepted size: one byte more and the write is abandoned with `PayloadTooLargeError`. */
  maxBytes: number;
}

export interface PutResult {
  sizeBytes: number;
  /** Lowercase hex SHA-256 of the bytes stored. */
  sha256: string;
}

/** Longest key accepted (S3's own limit is 1024 bytes). */
export const MAX_OBJECT_KEY_LENGTH = 512;
const KEY_CHARACTERS = /^[A-Za-z0-9/_.-]+$/;

/**
 * Refuses a key that is not a plain relative path: only `A-Z a-z 0-9 / _ - .`, no leading or
 * trailing `/`, no empty segment, no `..` anywhere, at most MAX_OBJECT_KEY_LENGTH characters.
 * Keys are made by the caller (`attachments/<uuid>`), never taken from a request.
 */
export function assertValidObjectKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidObjectKeyError(String(key), 'is empty');
  if (key.length > MAX_OBJECT_KEY_LENGTH) throw new InvalidObjectKeyError(key, `is longer than ${MAX_OBJECT_KEY_LENGTH}`);
  if (!KEY_CHARACTERS.test(key)) throw new InvalidObjectKeyError(key, 'may only contain A-Z a-z 0-9 / _ - .');
  if (key.startsWith('/') || key.endsWith('/')) throw new InvalidObjectKeyError(key, 'must not start or end with /');
  if (key.includes('..')) throw new InvalidObjectKeyError(key, 'must not contain ..');
  if (key.split('/').some((segment) => segment === '' || segment === '.')) {
    throw new InvalidObjectKeyError(key, 'must not have an empty or . segment');
  }
}

/**
 * Where file contents live, outside the database and outside the web root. The class is also the
 * Nest injection token: `constructor(private readonly storage: ObjectStorage)`.
 *
 * Every method refuses an invalid key with `InvalidObjectKeyError` (see `assertValidObjectKey`).
 */
export abstract class ObjectStorage {
  /**
   * Streams `body` to `key`, counting and hashing on the way. More than `maxBytes` bytes: the write
   * is abandoned, whatever was written is removed, `body` is destroyed and the promise rejects with
   * `PayloadTooLargeError`. Any other failure (the source stream errors, the store fails) also
   * leaves nothing behind and rejects with that error. Keys are meant to be fresh (a new UUID per
   * object): a successful put replaces an existing object, but after a failed one the S3 driver also
   * deletes the key, so never put over an object you need to keep.
   *
   * Whatever happens, `body` has been read to its end or destroyed when the promise settles (a
   * multipart parser such as busboy then stops feeding it: answer the request and stop reading it).
   */
  abstract put(key: string, body: Readable, opts: PutOptions): Promise<PutResult>;

  /** The object's bytes (read it to the end or destroy it: it holds a file or a connection); `NotFoundError` when there is none. */
  abstract get(key: string): Promise<Readable>;

  /** Removes the object; does nothing when there is none. */
  abstract delete(key: string): Promise<void>;

  abstract exists(key: string): Promise<boolean>;
}
