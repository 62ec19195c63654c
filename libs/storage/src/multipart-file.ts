import { DomainError, fileNameProblem, ValidationFailedError } from '@cf/platform';
import busboy from 'busboy';
import type { Request } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import { Readable } from 'node:stream';
import { ObjectStorage } from './object-storage';

export interface StoredFile {
  sizeBytes: number;
  sha256: string;
  fileName: string;
  contentType: string;
}

/** Enough of a file's start to recognize PDF, PNG and JPEG by their signatures (DOCX needs more: a look into the zip). */
const SNIFF_BYTES = 4 * 1024;

export function fileTooLarge(maxBytes: number): DomainError {
  const mb = (maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
  return new DomainError('FILE_TOO_LARGE', `file: the file is larger than the limit of ${mb} MB`, 413, {
    errors: [{ field: 'file', reason: `must be at most ${mb} MB` }],
    maxBytes,
  });
}

export function unsupportedFileType(detected: string | null, allowed: string): DomainError {
  return new DomainError(
    'UNSUPPORTED_FILE_TYPE',
    `file: ${detected ? `a ${detected} file` : 'this file'} is not accepted; upload ${allowed}`,
    415,
    { errors: [{ field: 'file', reason: `must be ${allowed} (checked from its content)` }], detected },
  );
}

/** The type of a file from its first bytes; null when unknown (file-type throws on some truncated containers). */
export async function sniffFileType(head: Buffer): Promise<{ mime: string; ext: string } | null> {
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

/** Reads up to `n` bytes from the start of a stream, then hands back a stream of the whole. */
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

export interface ReceiveFileOptions {
  maxBytes: number;
  /** Types accepted, as sniffed from the content. */
  allowed: ReadonlySet<string>;
  /** The accepted types in words, for the 415 answer ("a PDF"). */
  allowedText: string;
  /** Bytes read before deciding the type (4 KiB by default). */
  sniffBytes?: number;
  /** The 415 answer for another type (by default one built from `allowedText`). */
  unsupported?: (detected: string | null) => Error;
  /** The reason given when the body is not multipart (names the fields expected). */
  multipartReason?: string;
  /** Most parts accepted (the file, its fields, a few more). */
  parts?: number;
  /** Each text field as it arrives: an error refuses the upload. */
  onField?: (name: string, value: string) => Error | void;
  /** When the file part begins (after the fields that must come first): an error refuses the upload. */
  beforeFile?: () => Error | void;
}

/**
 * Streams the one `file` part of a multipart request into the object store under `key`: typed from its bytes (not
 * its name), limited in size while streaming (413), never buffered whole. On any failure nothing stays in the store.
 */
export function receiveMultipartFile(
  req: Request,
  storage: ObjectStorage,
  key: string,
  opts: ReceiveFileOptions,
): Promise<StoredFile> {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(
      new ValidationFailedError([
        { field: 'body', reason: opts.multipartReason ?? 'must be multipart/form-data with the field file' },
      ]),
    );
  }
  const unsupported = opts.unsupported ?? ((detected: string | null) => unsupportedFileType(detected, opts.allowedText));
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
        limits: { files: 1, fields: 5, fieldSize: 1024, parts: opts.parts ?? 6, fileSize: opts.maxBytes + 1 },
      });
    } catch {
      reject(new ValidationFailedError([{ field: 'body', reason: 'must be multipart/form-data with a boundary' }]));
      return;
    }
    let sawFile = false;
    bb.on('field', (name, value) => {
      const problem = opts.onField?.(name, value);
      if (problem) fail(problem);
    });
    bb.on('file', (name, file, info) => {
      if (name !== 'file' || sawFile) {
        file.resume();
        return;
      }
      sawFile = true;
      const early = opts.beforeFile?.();
      if (early) {
        file.resume();
        fail(early);
        return;
      }
      const nameProblem = fileNameProblem(info.filename);
      if (nameProblem) {
        file.resume();
        fail(new ValidationFailedError([{ field: 'file', reason: `the name ${nameProblem}` }]));
        return;
      }
      const fileName = displayFileName(info.filename);
      void (async () => {
        const { head, whole } = await peek(file, opts.sniffBytes ?? SNIFF_BYTES);
        if (head.length === 0) {
          whole.resume();
          throw new ValidationFailedError([{ field: 'file', reason: 'is empty' }]);
        }
        const detected = await sniffFileType(head);
        if (!detected || !opts.allowed.has(detected.mime)) {
          whole.resume();
          throw unsupported(detected?.mime ?? null);
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
