import { DomainError, fileNameProblem, ValidationFailedError } from '@cf/platform';
import { ObjectStorage } from '@cf/storage';
import busboy from 'busboy';
import type { Request } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import { Readable } from 'node:stream';

export interface StoredFile {
  sizeBytes: number;
  sha256: string;
  fileName: string;
  contentType: string;
}

/** Enough of a file's start to recognize PDF, PNG and JPEG by their signatures. */
const SNIFF_BYTES = 4 * 1024;

export function fileTooLarge(maxBytes: number): DomainError {
  const mb = (maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
  return new DomainError('FILE_TOO_LARGE', `file: the file is larger than the limit of ${mb} MB`, 413, {
    errors: [{ field: 'file', reason: `must be at most ${mb} MB` }],
    maxBytes,
  });
}

export function unsupportedType(detected: string | null, allowed: string): DomainError {
  return new DomainError(
    'UNSUPPORTED_FILE_TYPE',
    `file: ${detected ? `a ${detected} file` : 'this file'} is not accepted; upload ${allowed}`,
    415,
    { errors: [{ field: 'file', reason: `must be ${allowed} (checked from its content)` }], detected },
  );
}

/** The type of a file from its first bytes; null when unknown (file-type throws on some truncated containers). */
export async function sniff(head: Buffer): Promise<{ mime: string; ext: string } | null> {
  try {
    return (await fileTypeFromBuffer(head)) ?? null;
  } catch {
    return null;
  }
}

/** The client's file name for display only: no path, no control characters, at most 200 characters. */
export function displayFileName(name: string | undefined): string {
  const base = [...(name ?? '')].map((c) => (c.charCodeAt(0) < 32 || c === '/' || c === '\\' ? '_' : c)).join('');
  return base.trim().slice(0, 200) || 'file';
}

async function peek(stream: Readable, n: number): Promise<{ head: Buffer; whole: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = stream[Symbol.asyncIterator]();
  let done = false;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value as Buffer);
    size += (next.value as Buffer).length;
  }
  const head = Buffer.concat(chunks);
  async function* rest() {
    yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { head: head.subarray(0, n), whole: Readable.from(rest(), { objectMode: false }) };
}

/**
 * Streams the one `file` part of a multipart request into the object store under `key`: typed from its bytes (not
 * its name), limited in size while streaming (413), never buffered whole. On any failure nothing stays in the store.
 */
export function receiveSingleFile(
  req: Request,
  storage: ObjectStorage,
  key: string,
  opts: { maxBytes: number; allowed: ReadonlySet<string>; allowedText: string },
): Promise<StoredFile> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(
      new ValidationFailedError([{ field: 'body', reason: 'must be multipart/form-data with the field file' }]),
    );
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    let bb: busboy.Busboy;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      req.resume();
      reject(e);
    };
    try {
      bb = busboy({
        headers: req.headers,
        // the name as sent, so that a name with a path is refused instead of cut down to its last part
        preservePath: true,
        limits: { files: 1, fields: 5, fieldSize: 1024, parts: 6, fileSize: opts.maxBytes + 1 },
      });
    } catch {
      reject(new ValidationFailedError([{ field: 'body', reason: 'must be multipart/form-data with a boundary' }]));
      return;
    }
    let sawFile = false;
    bb.on('file', (name, file, info) => {
      if (name !== 'file' || sawFile) {
        file.resume();
        return;
      }
      sawFile = true;
      const nameProblem = fileNameProblem(info.filename);
      if (nameProblem) {
        file.resume();
        fail(new ValidationFailedError([{ field: 'file', reason: `the name ${nameProblem}` }]));
        return;
      }
      const fileName = displayFileName(info.filename);
      void (async () => {
        const { head, whole } = await peek(file, SNIFF_BYTES);
        if (head.length === 0) {
          whole.resume();
          throw new ValidationFailedError([{ field: 'file', reason: 'is empty' }]);
        }
        const detected = await sniff(head);
        if (!detected || !opts.allowed.has(detected.mime)) {
          whole.resume();
          throw unsupportedType(detected?.mime ?? null, opts.allowedText);
        }
        const put = await storage.put(key, whole, { contentType: detected.mime, maxBytes: opts.maxBytes });
        return { ...put, fileName, contentType: detected.mime };
      })().then(
        (r) => {
          if (settled) {
            void storage.delete(key);
            return;
          }
          settled = true;
          resolve(r);
        },
        (e) => fail((e as { code?: string }).code === 'FILE_TOO_LARGE' ? fileTooLarge(opts.maxBytes) : e),
      );
    });
    bb.on('partsLimit', () => fail(new ValidationFailedError([{ field: 'body', reason: 'has too many parts' }])));
    bb.on('error', (e) => fail(new ValidationFailedError([{ field: 'body', reason: `is not valid multipart: ${String(e)}` }])));
    bb.on('close', () => {
      if (!sawFile) fail(new ValidationFailedError([{ field: 'file', reason: 'is required' }]));
    });
    req.on('aborted', () => fail(new ValidationFailedError([{ field: 'file', reason: 'the upload was interrupted' }])));
    req.pipe(bb);
  });
}
