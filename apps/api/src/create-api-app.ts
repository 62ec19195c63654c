import { DemoSeeder } from '@cf/demo';
import { Clock, receivedAtMiddleware } from '@cf/platform';
import { INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Runtime } from './runtime';

/** Builds the API exactly as production runs it; tests use this too. */
export async function createApiApp(runtime: Runtime): Promise<INestApplication> {
  const { config } = runtime;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(receivedAtMiddleware(app.get(Clock))); // first: deadlines are judged on arrival
  app.setGlobalPrefix('api');
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"], // MUI/emotion injects styles at run time
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  if (config.http.corsOrigins.length) {
    app.enableCors({ origin: config.http.corsOrigins, exposedHeaders: ['Content-Range', 'X-Request-Id'], maxAge: 600 });
  }
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Challenge Fund API')
      .setDescription('Grant management for public funding programs. Lists follow the react-admin simple REST contract.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();

  const seeder = app.get(DemoSeeder);
  if (config.seedDemo === 'true' || (config.seedDemo === 'auto' && runtime.embedded && (await seeder.isEmpty()))) {
    await seeder.seed();
  }
  new NestLogger('Bootstrap').log(
    `Database: ${runtime.embedded ? 'embedded (PGlite) in ' + config.dataDir : 'PostgreSQL'}; jobs: ${config.redis.url ? 'BullMQ' : 'in-process'}`,
  );
  return app;
}
