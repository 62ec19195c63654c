import 'reflect-metadata';
import { ConfigError, loadConfig } from '@cf/config';
import { createApiApp } from './create-api-app';
import { prepareRuntime } from './runtime';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const runtime = await prepareRuntime(config);
  const app = await createApiApp(runtime).catch(async (error) => {
    await runtime.stop();
    throw error;
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ level: 30, msg: `Received ${signal}, shutting down` }));
    await app.close();
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  await app.listen(config.http.port, config.http.host);
  const url = await app.getUrl();
  console.log(
    JSON.stringify({
      level: 30,
      msg: `Challenge Fund is ready at ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')}/`,
    }),
  );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
