import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '@cf/platform';
import { ByteMeter } from './byte-meter';
import { assertValidObjectKey, ObjectStorage, PutOptions, PutResult } from './object-storage';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
/** Marks temporary files; `~` is never in a valid key, so a temporary name can't clash with an object. */
export const LOCAL_TEMP_MARKER = '.~tmp-';

/**
 * Objects as files under one folder (by default `DATA_DIR/uploads`, never under the console's web root):
 * key `attachments/<uuid>` is the file `<root>/attachments/<uuid>`. Files are 0600, folders 0700.
 * A put writes `<name>.~tmp-<random>` beside the target, then renames it over the target: readers
 * never see a partial file, and the temporary file is removed on every failure.
 */
export class LocalObjectStorage extends ObjectStorage {
  readonly root: string;
  private rootReady?: Promise<void>;

  constructor(rootDir: string) {
    super();
    this.root = resolve(rootDir);
  }

  async put(key: string, body: Readable, opts: PutOptions): Promise<PutResult> {
    let target: string;
    let meter: ByteMeter;
    try {
      target = this.pathOf(key);
      meter = new ByteMeter(opts.maxBytes);
      await this.ensureDir(dirname(target));
    } catch (error) {
      body.destroy();
      throw error;
    }
    const temp = `${target}${LOCAL_TEMP_MARKER}${randomBytes(8).toString('hex')}`;
    // Opened here rather than by createWriteStream, so no open is still pending when we clean up.
    const handle = await open(temp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, FILE_MODE).catch(
      (error: unknown) => {
        body.destroy();
        throw error;
      },
    );
    let committed = false;
    try {
      // the stream fsyncs and closes the handle once everything is written
      await pipeline(body, meter, handle.createWriteStream({ flush: true }));
      await handle.close();
      await rename(temp, target);
      committed = true;
      await this.syncDir(dirname(target));
      return { sizeBytes: meter.sizeBytes, sha256: meter.sha256() };
    } finally {
      if (!committed) {
        // close() waits for pending writes (or the stream's own close); closing twice is harmless
        await handle.close().catch(() => undefined);
        await rm(temp, { force: true }).catch(() => undefined);
      }
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      const handle = await open(path, 'r');
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw new NotFoundError('Stored file', key);
      }
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new NotFoundError('Stored file', key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    try {
      return (await stat(path)).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private pathOf(key: string): string {
    assertValidObjectKey(key);
    const path = join(this.root, ...key.split('/'));
    // the key rules already forbid this; a second check costs nothing
    if (!path.startsWith(this.root + sep)) throw new Error(`Storage key escapes the storage folder: ${key}`);
    return path;
  }

  private async ensureDir(dir: string): Promise<void> {
    this.rootReady ??= (async () => {
      await mkdir(this.root, { recursive: true, mode: DIR_MODE });
      await chmod(this.root, DIR_MODE);
    })().catch((error: unknown) => {
      this.rootReady = undefined;
      throw error;
    });
    await this.rootReady;
    if (dir !== this.root) await mkdir(dir, { recursive: true, mode: DIR_MODE });
  }

  /** Makes the rename durable; not every platform can fsync a folder, so failures are ignored. */
  private async syncDir(dir: string): Promise<void> {
    const handle = await open(dir, 'r').catch(() => undefined);
    if (!handle) return;
    await handle.sync().catch(() => undefined);
    await handle.close().catch(() => undefined);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
