export * from './object-storage';
export * from './storage-errors';
export * from './multipart-file';
export * from './local-object-storage';
export * from './s3-object-storage';
export * from './storage.module';
