import 'reflect-metadata';
import { ConfigError, loadConfig } from '@cf/config';
import { dataSourceOptions } from '@cf/database';
import { DemoSeeder } from '@cf/demo';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { prepareRuntime } from './runtime';

/** `migrate` applies pending migrations (`migrate:revert` undoes the last); `seed-demo` writes the demo data. */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfig();
  const runtime = await prepareRuntime(config);
  try {
    if (command === 'migrate' || command === 'migrate:revert') {
      const ds = await new DataSource(dataSourceOptions(runtime.databaseUrl, 2)).initialize();
      try {
        if (command === 'migrate') {
          const applied = await ds.runMigrations({ transaction: 'each' });
          console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'The schema is up to date');
        } else {
          await ds.undoLastMigration({ transaction: 'each' });
          console.log('Reverted the last migration');
        }
      } finally {
        await ds.destroy();
      }
    } else if (command === 'seed-demo') {
      const app = await NestFactory.createApplicationContext(AppModule.forRoot(runtime), { logger: ['error', 'warn', 'log'] });
      try {
        await app.get(DemoSeeder).seed();
      } finally {
        await app.close();
      }
    } else {
      throw new Error(`Unknown command ${command ?? '(none)'}: use migrate, migrate:revert or seed-demo`);
    }
  } finally {
    await runtime.stop();
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
