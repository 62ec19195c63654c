export * from './job-queue';
export * from './queue.module';
export { createRedis } from './bull-job-queue';
