import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { Readable, pipeline } from 'node:stream';
import { NotFoundError } from '@cf/platform';
import { ByteMeter } from './byte-meter';
import { assertValidObjectKey, ObjectStorage, PutOptions, PutResult } from './object-storage';
import { PayloadTooLargeError } from './storage-errors';

export interface S3ObjectStorageOptions {
  /** Unset: AWS S3 in `region`. Set for MinIO, Ceph, R2…: `https://minio.internal:9000`. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://host/bucket/key` rather than `https://bucket.host/key` (what most S3-compatible stores need). */
  forcePathStyle: boolean;
  /** Parts uploaded at once; each buffers `partSizeBytes` in memory. Default 2. */
  queueSize?: number;
  /** Multipart part size (S3's minimum, 5 MiB, by default). Bodies up to this size go in one PutObject. */
  partSizeBytes?: number;
}

const MIN_PART_SIZE = 5 * 1024 * 1024;

/**
 * Objects in one bucket of an S3-compatible store (AWS S3, MinIO, …). A put streams through
 * `@aws-sdk/lib-storage` (one PutObject for a small body, a multipart upload otherwise); when the
 * body runs over the limit or fails, the multipart upload is aborted and the key deleted.
 */
export class S3ObjectStorage extends ObjectStorage implements OnModuleDestroy {
  readonly client: S3Client;
  readonly bucket: string;
  private readonly logger = new Logger('S3ObjectStorage');
  private readonly queueSize: number;
  private readonly partSize: number;

  constructor(options: S3ObjectStorageOptions) {
    super();
    this.bucket = options.bucket;
    this.queueSize = options.queueSize ?? 2;
    this.partSize = Math.max(MIN_PART_SIZE, options.partSizeBytes ?? MIN_PART_SIZE);
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      // explicit keys: never the SDK's search of the environment, ~/.aws or instance metadata
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Since 2025 the SDK adds CRC32 checksums to every upload by default, which several S3-compatible
      // stores refuse; send them only where S3 requires them. Integrity: SigV4 signs each part's SHA-256
      // over HTTP, TLS protects HTTPS, and put() returns the SHA-256 of the whole body.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
  }

  async put(key: string, body: Readable, opts: PutOptions): Promise<PutResult> {
    let meter: ByteMeter;
    try {
      assertValidObjectKey(key);
      meter = new ByteMeter(opts.maxBytes);
    } catch (error) {
      body.destroy();
      throw error;
    }
    let sourceError: Error | undefined;
    // destroys `body` when the meter fails (over the limit), and the meter when `body` fails
    pipeline(body, meter, (error) => {
      if (error) sourceError ??= error;
    });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: meter, ContentType: opts.contentType },
      queueSize: this.queueSize,
      partSize: this.partSize,
      // we abort ourselves, so a failed abort cannot hide the original error
      leavePartsOnError: true,
    });
    try {
      await upload.done();
    } catch (error) {
      // decided before meter.destroy(), whose "premature close" must not replace the real cause
      const cause = meter.tooLarge ? new PayloadTooLargeError(opts.maxBytes) : (sourceError ?? error);
      meter.destroy();
      await this.discard(key, upload.uploadId);
      throw cause;
    }
    return { sizeBytes: meter.sizeBytes, sha256: meter.sha256() };
  }

  async get(key: string): Promise<Readable> {
    assertValidObjectKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(out.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`);
      return out.Body;
    } catch (error) {
      if (isNotFound(error)) throw new NotFoundError('Stored file', key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidObjectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    assertValidObjectKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }

  /** Best effort: removes the parts of an unfinished multipart upload and whatever sits at `key`. */
  private async discard(key: string, uploadId: string | undefined): Promise<void> {
    if (uploadId) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }))
        .catch((error: unknown) => {
          if (!isNotFound(error)) {
            this.logger.warn(`Could not abort multipart upload ${uploadId} of ${key}: ${String(error)}`);
          }
        });
    }
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch((error: unknown) => {
      if (!isNotFound(error)) this.logger.warn(`Could not delete ${key} after a failed upload: ${String(error)}`);
    });
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.$metadata?.httpStatusCode === 404 || ['NoSuchKey', 'NotFound', 'NoSuchUpload'].includes(error.name);
  }
  return false;
}
