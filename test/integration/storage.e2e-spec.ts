import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { NotFoundError } from '@cf/platform';
import { InvalidObjectKeyError, PayloadTooLargeError, S3ObjectStorage } from '@cf/storage';

/**
 * S3ObjectStorage against s3rver (@20minutes/s3rver, a fake S3 server on the local file system, run in
 * this process, with SigV4 checked against its built-in key S3RVER/S3RVER).
 *
 * s3rver does not implement AbortMultipartUpload (it answers 405). The test adds that one call: it
 * records it and removes the upload's stored parts, as S3 does, so "nothing left behind" is checked on
 * s3rver's own folder.
 */

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer: Server;
  store: { getResourcePath(bucket: string, key: string | undefined, resource: string): string };
}
const S3rver = require('@20minutes/s3rver') as new (options: Record<string, unknown>) => S3rverInstance;

const BUCKET = 'cf-test';
const MiB = 1024 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `total` bytes in chunks of 64 KiB (a pattern, so parts differ), produced asynchronously; fails after `failAfter` bytes. */
function source(total: number, failAfter?: number, failWith = new Error('client went away')): { body: Readable; bytes: Buffer } {
  const bytes = Buffer.alloc(total);
  for (let i = 0; i < total; i += 4096) bytes.writeUInt32BE((i / 4096) >>> 0, i);
  let sent = 0;
  const body = new Readable({
    read() {
      setImmediate(() => {
        if (failAfter !== undefined && sent >= failAfter) return this.destroy(failWith);
        if (sent >= total) return this.push(null);
        const end = Math.min(total, sent + 64 * 1024);
        this.push(bytes.subarray(sent, end));
        sent = end;
      });
    },
  });
  return { body, bytes };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('S3ObjectStorage (against s3rver)', () => {
  let dir: string;
  let server: S3rverInstance;
  let storage: S3ObjectStorage;
  let endpoint: string;
  let sent: string[];
  const aborted: string[] = [];
  let failAborts = false;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cf-s3rver-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    // add AbortMultipartUpload (DELETE /bucket/key?uploadId=…), which s3rver lacks
    const s3rverHandler = server.httpServer.listeners('request')[0] as (req: IncomingMessage, res: ServerResponse) => void;
    server.httpServer.removeAllListeners('request');
    server.httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://s3');
      const uploadId = url.searchParams.get('uploadId');
      if (req.method !== 'DELETE' || !uploadId) return s3rverHandler(req, res);
      aborted.push(uploadId);
      if (failAborts) {
        res.statusCode = 503;
        res.end();
        return req.resume();
      }
      const uploads = server.store.getResourcePath(BUCKET, undefined, 'uploads');
      req.resume();
      void rm(join(uploads, uploadId.replace(/[^0-9a-f]/g, '')), { recursive: true, force: true }).then(() => {
        res.statusCode = 204;
        res.end();
      });
    });
    storage = new S3ObjectStorage({
      endpoint,
      region: 'us-east-1',
      bucket: BUCKET,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName as string);
        return next(args);
      },
      { step: 'initialize', name: 'recordCommands' },
    );
  });
  beforeEach(() => {
    sent = [];
  });
  afterAll(async () => {
    storage.onModuleDestroy();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Every file s3rver keeps for the bucket (objects, their metadata, pending parts), read from its folder. */
  const filesOfBucket = async () =>
    (await readdir(join(dir, BUCKET), { recursive: true, withFileTypes: true }))
      .filter((e) => !e.isDirectory())
      .map((e) => e.name);
  const pendingUploads = async () => readdir(server.store.getResourcePath(BUCKET, undefined, 'uploads')).catch(() => []);

  it('round-trips a small file in one PutObject, with its size, SHA-256 and content type', async () => {
    const key = `attachments/${randomUUID()}`;
    const { body, bytes } = source(300_000);
    expect(await storage.put(key, body, { contentType: 'application/pdf', maxBytes: 300_000 })).toEqual({
      sizeBytes: 300_000,
      sha256: sha256(bytes),
    });
    expect(sent).toEqual(['PutObjectCommand']);
    expect(await storage.exists(key)).toBe(true);
    expect((await readAll(await storage.get(key))).equals(bytes)).toBe(true);
    const head = await storage.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head.ContentType).toBe('application/pdf');
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
  });

  it('round-trips a file larger than a part through a multipart upload', async () => {
    const key = `attachments/${randomUUID()}`;
    const { body, bytes } = source(12 * MiB);
    expect(await storage.put(key, body, { contentType: 'image/png', maxBytes: 12 * MiB })).toEqual({
      sizeBytes: 12 * MiB,
      sha256: sha256(bytes),
    });
    expect(sent.filter((c) => c === 'UploadPartCommand')).toHaveLength(3);
    expect(sent).toContain('CompleteMultipartUploadCommand');
    expect((await readAll(await storage.get(key))).equals(bytes)).toBe(true);
    await storage.delete(key);
    expect(await filesOfBucket()).toEqual([]);
  });

  it('refuses an oversized small file with a 413 before sending anything', async () => {
    const { body } = source(5000);
    const put = storage.put(`attachments/${randomUUID()}`, body, { contentType: 'application/pdf', maxBytes: 4999 });
    await expect(put).rejects.toThrow(PayloadTooLargeError);
    await expect(put).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    expect(body.destroyed).toBe(true);
    expect(sent).not.toContain('PutObjectCommand');
    expect(await filesOfBucket()).toEqual([]);
  });

  it('aborts the multipart upload and deletes the key when a large file runs over the limit', async () => {
    const key = `attachments/${randomUUID()}`;
    const { body } = source(12 * MiB);
    await expect(storage.put(key, body, { contentType: 'application/pdf', maxBytes: 7 * MiB })).rejects.toThrow(
      PayloadTooLargeError,
    );
    expect(body.destroyed).toBe(true);
    expect(sent).toEqual(
      expect.arrayContaining(['CreateMultipartUploadCommand', 'UploadPartCommand', 'AbortMultipartUploadCommand']),
    );
    expect(sent).not.toContain('CompleteMultipartUploadCommand');
    expect(sent[sent.length - 1]).toBe('DeleteObjectCommand');
    expect(aborted).toHaveLength(1);
    expect(await pendingUploads()).toEqual([]);
    expect(await filesOfBucket()).toEqual([]);
  });

  it('leaves nothing when the source stream fails midway, and rejects with its error', async () => {
    const failure = new Error('client went away');
    const { body } = source(12 * MiB, 6 * MiB, failure);
    await expect(
      storage.put(`attachments/${randomUUID()}`, body, { contentType: 'application/pdf', maxBytes: 20 * MiB }),
    ).rejects.toBe(failure);
    expect(sent).toContain('AbortMultipartUploadCommand');
    expect(aborted).toHaveLength(2);
    expect(await pendingUploads()).toEqual([]);
    expect(await filesOfBucket()).toEqual([]);
  });

  it('still rejects with the 413 when the store refuses the abort', async () => {
    failAborts = true;
    try {
      const { body } = source(12 * MiB);
      await expect(
        storage.put(`attachments/${randomUUID()}`, body, { contentType: 'application/pdf', maxBytes: 6 * MiB }),
      ).rejects.toThrow(PayloadTooLargeError);
      expect(sent).toContain('AbortMultipartUploadCommand');
      expect(sent[sent.length - 1]).toBe('DeleteObjectCommand');
    } finally {
      failAborts = false;
      await rm(server.store.getResourcePath(BUCKET, undefined, 'uploads'), { recursive: true, force: true });
    }
  });

  it('rejects with the error of the store, and destroys the body, when the store refuses the upload', async () => {
    const elsewhere = new S3ObjectStorage({
      endpoint,
      region: 'us-east-1',
      bucket: 'no-such-bucket',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    try {
      const { body } = source(1000);
      await expect(elsewhere.put('attachments/x', body, { contentType: 'text/plain', maxBytes: 1000 })).rejects.toMatchObject({
        name: 'NoSuchBucket',
      });
      expect(body.destroyed).toBe(true);
    } finally {
      elsewhere.onModuleDestroy();
    }
  });

  it('answers NotFoundError for a missing object, false from exists, and deletes idempotently', async () => {
    await expect(storage.get('attachments/missing')).rejects.toThrow(NotFoundError);
    expect(await storage.exists('attachments/missing')).toBe(false);
    await storage.delete('attachments/missing');
  });

  it('refuses bad keys without a request', async () => {
    for (const key of ['../x', '/x', 'a b', 'a//b', '']) {
      const body = Readable.from([Buffer.from('x')]);
      await expect(storage.put(key, body, { contentType: 'text/plain', maxBytes: 10 })).rejects.toThrow(InvalidObjectKeyError);
      expect(body.destroyed).toBe(true);
      await expect(storage.get(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(storage.exists(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(storage.delete(key)).rejects.toThrow(InvalidObjectKeyError);
    }
    expect(sent).toEqual([]);
  });
});
