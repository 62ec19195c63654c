import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, StorageConfig } from '@cf/config';
import { LocalObjectStorage } from './local-object-storage';
import { ObjectStorage } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';

/** The store the configuration asks for: `STORAGE_DRIVER=local` (default) or `s3`. */
export function createObjectStorage(config: StorageConfig): ObjectStorage {
  return config.driver === 's3' ? new S3ObjectStorage(config.s3) : new LocalObjectStorage(config.localDir);
}

/** Provides `ObjectStorage` everywhere, from `AppConfig.storage` (needs ConfigModule.forRoot). */
@Global()
@Module({
  providers: [
    {
      provide: ObjectStorage,
      useFactory: (config: AppConfig) => createObjectStorage(config.storage),
      inject: [APP_CONFIG],
    },
  ],
  exports: [ObjectStorage],
})
export class StorageModule {}
