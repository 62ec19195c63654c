import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { NotFoundError } from '@cf/platform';
import { LocalObjectStorage } from './local-object-storage';
import { InvalidObjectKeyError, PayloadTooLargeError } from './storage-errors';

/** Every file (not folder) under `dir`, relative, temporary ones included. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => !e.isDirectory()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

/** `chunks` chunks of `size` bytes, produced asynchronously; fails with `failWith` after `failAfter` chunks. */
function source(chunks: number, size: number, failAfter?: number, failWith = new Error('client went away')): Readable {
  let sent = 0;
  return new Readable({
    read() {
      setImmediate(() => {
        if (failAfter !== undefined && sent === failAfter) return this.destroy(failWith);
        if (sent === chunks) return this.push(null);
        this.push(Buffer.alloc(size, sent++ % 256));
      });
    },
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const opts = (maxBytes: number) => ({ contentType: 'application/pdf', maxBytes });

describe('LocalObjectStorage', () => {
  let base: string;
  let root: string;
  let storage: LocalObjectStorage;

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'cf-storage-'));
    root = join(base, 'data', 'uploads');
    storage = new LocalObjectStorage(root);
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it('round-trips a file and returns its size and SHA-256', async () => {
    const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 7)]);
    const key = `attachments/${randomUUID()}`;
    const result = await storage.put(key, Readable.from([data.subarray(0, 1000), data.subarray(1000)]), opts(data.length));
    expect(result).toEqual({ sizeBytes: data.length, sha256: sha256(data) });
    expect(await storage.exists(key)).toBe(true);
    const back = await storage.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of back) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    expect(await filesUnder(root)).toEqual([key]);
  });

  it('streams a body larger than memory buffers, with back-pressure', async () => {
    const result = await storage.put('big', source(64, 64 * 1024), opts(4 * 1024 * 1024));
    expect(result.sizeBytes).toBe(4 * 1024 * 1024);
    expect((await stat(join(root, 'big'))).size).toBe(4 * 1024 * 1024);
  });

  it('stores an empty file', async () => {
    expect(await storage.put('empty', Readable.from([]), opts(10))).toEqual({ sizeBytes: 0, sha256: sha256(Buffer.alloc(0)) });
    expect(await text(await storage.get('empty'))).toBe('');
  });

  it('keeps files 0600 and folders 0700, under the configured folder', async () => {
    await storage.put('attachments/a/b', Readable.from([Buffer.from('x')]), opts(10));
    expect((await stat(join(root, 'attachments/a/b'))).mode & 0o777).toBe(0o600);
    for (const dir of [root, join(root, 'attachments'), join(root, 'attachments/a')]) {
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
    expect(await readFile(join(root, 'attachments/a/b'), 'utf8')).toBe('x');
  });

  it('accepts exactly maxBytes; one byte more is refused with a 413 and leaves no file, temporary or not', async () => {
    await expect(storage.put('exact', Readable.from([Buffer.alloc(1024)]), opts(1024))).resolves.toMatchObject({
      sizeBytes: 1024,
    });
    const body = source(40, 1024);
    const put = storage.put(`attachments/${randomUUID()}`, body, opts(20 * 1024 + 1));
    await expect(put).rejects.toThrow(PayloadTooLargeError);
    await expect(put).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    expect(body.destroyed).toBe(true);
    expect(await filesUnder(root)).toEqual(['exact']);
  });

  it('leaves nothing when the source stream fails midway, and rejects with its error', async () => {
    const failure = new Error('client went away');
    await expect(storage.put('attachments/x', source(100, 4096, 30, failure), opts(10_000_000))).rejects.toBe(failure);
    expect(await filesUnder(root)).toEqual([]);
    expect(await storage.exists('attachments/x')).toBe(false);
  });

  it('keeps the previous version when a replacement fails, and replaces it when one succeeds', async () => {
    await storage.put('k', Readable.from([Buffer.from('one')]), opts(10));
    await expect(storage.put('k', Readable.from([Buffer.from('far too long')]), opts(10))).rejects.toThrow(PayloadTooLargeError);
    expect(await text(await storage.get('k'))).toBe('one');
    await storage.put('k', Readable.from([Buffer.from('two')]), opts(10));
    expect(await text(await storage.get('k'))).toBe('two');
    expect(await filesUnder(root)).toEqual(['k']);
  });

  it('runs concurrent puts independently', async () => {
    const keys = Array.from({ length: 8 }, () => `attachments/${randomUUID()}`);
    const results = await Promise.allSettled(keys.map((k, i) => storage.put(k, source(10, 1000), opts(i % 2 ? 5000 : 10_000))));
    expect(results.map((r) => r.status)).toEqual(keys.map((_, i) => (i % 2 ? 'rejected' : 'fulfilled')));
    expect((await filesUnder(root)).sort()).toEqual(keys.filter((_, i) => i % 2 === 0).sort());
  });

  it('refuses bad keys on every method, writing nothing and destroying the body', async () => {
    await writeFile(join(base, 'secret'), 'do not touch');
    for (const key of ['../secret', '/etc/passwd', 'a/../../secret', 'a b', '', 'x/']) {
      const body = Readable.from([Buffer.from('x')]);
      await expect(storage.put(key, body, opts(10))).rejects.toThrow(InvalidObjectKeyError);
      expect(body.destroyed).toBe(true);
      await expect(storage.get(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(storage.exists(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(storage.delete(key)).rejects.toThrow(InvalidObjectKeyError);
    }
    expect(await readFile(join(base, 'secret'), 'utf8')).toBe('do not touch');
    expect(await filesUnder(root)).toEqual([]);
  });

  it('answers NotFoundError for a missing object, false from exists, and deletes idempotently', async () => {
    await expect(storage.get('attachments/missing')).rejects.toThrow(NotFoundError);
    expect(await storage.exists('attachments/missing')).toBe(false);
    await storage.put('attachments/one', Readable.from([Buffer.from('1')]), opts(10));
    await expect(storage.get('attachments')).rejects.toThrow(NotFoundError); // a folder is not an object
    expect(await storage.exists('attachments')).toBe(false);
    await storage.delete('attachments/one');
    await storage.delete('attachments/one');
    await storage.delete('never/was');
    expect(await storage.exists('attachments/one')).toBe(false);
    expect(await filesUnder(root)).toEqual([]);
  });
});
