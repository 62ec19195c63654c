import { Test } from '@nestjs/testing';
import { join } from 'node:path';
import { ConfigModule, parseConfig } from '@cf/config';
import { LocalObjectStorage } from './local-object-storage';
import { ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';
import { StorageModule } from './storage.module';

async function storageFor(env: Record<string, string>): Promise<ObjectStorage> {
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(parseConfig(env)), StorageModule],
  }).compile();
  const storage = moduleRef.get(ObjectStorage);
  await moduleRef.close();
  return storage;
}

describe('StorageModule', () => {
  it('provides local files under DATA_DIR/uploads by default', async () => {
    const storage = await storageFor({ DATA_DIR: '/srv/cf-data' });
    expect(storage).toBeInstanceOf(LocalObjectStorage);
    expect((storage as LocalObjectStorage).root).toBe(join('/srv/cf-data', 'uploads'));
  });

  it('provides the S3 store with STORAGE_DRIVER=s3', async () => {
    const storage = await storageFor({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'cf-files',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(storage).toBeInstanceOf(S3ObjectStorage);
    const s3 = storage as S3ObjectStorage;
    expect(s3.bucket).toBe('cf-files');
    expect(s3.client.config.forcePathStyle).toBe(true);
    expect(await s3.client.config.region()).toBe('us-east-1');
    expect(await s3.client.config.credentials()).toMatchObject({ accessKeyId: 'key', secretAccessKey: 'secret' });
  });
});
