import 'reflect-metadata';
import { ConfigError, loadConfig } from '@cf/config';
import { createWorker } from './create-worker';

async function bootstrap(): Promise<void> {
  const worker = await createWorker(loadConfig());
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  console.log(JSON.stringify({ level: 30, msg: 'Worker is consuming jobs' }));
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
