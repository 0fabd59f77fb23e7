import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { JsonLogger } from './common/logger';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { requestIdAndLog } from './common/request-id.middleware';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/config';
import { dataSourceOptions, runMigrations } from './database/data-source';
import { Lifecycle } from './health/lifecycle';
import { MetricsService } from './metrics/metrics.service';
import { seedDemoData } from './seed/demo-seed';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Beacon API')
    .setDescription(
      'Case management for an independent mental-health advocacy service. Errors are RFC 9457 problem details ' +
        '(application/problem+json). Lists use keyset pagination: pass `nextCursor` back as `cursor`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addCookieAuth('beacon_refresh')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

/** Everything main.ts and the integration tests share: the app exactly as it runs. */
export async function createApp(
  config: AppConfig,
  logger = new JsonLogger(config.logLevel),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  // No ETag from a hash of every body (about 2% of a list page's CPU): API answers are no-store,
  // so nothing revalidates them, and the calendar feed's DTSTAMP changes its body every second.
  // index.html still revalidates by Last-Modified, and express.static's assets keep their ETags.
  app.set('etag', false);
  app.use(requestIdAndLog(logger));
  app.use(app.get(Lifecycle).track);
  app.use(app.get(MetricsService).track);
  app.use(
    '/api/docs',
    helmet({
      contentSecurityPolicy: {
        directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'upgrade-insecure-requests': config.env === 'production' ? [] : null,
        },
      },
      frameguard: { action: 'deny' },
      hsts: config.env === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  // Same origin needs no CORS: the API serves the SPA (npm start) or nginx proxies /api (compose).
  // Only origins named in APP_ORIGIN may call it cross-origin; every other origin gets no CORS
  // headers, so browsers refuse to send it credentials or read its answers.
  if (config.http.appOrigins.length)
    app.enableCors({
      origin: config.http.appOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Access-Reason', 'X-Request-Id'],
      exposedHeaders: ['Retry-After', 'X-Request-Id', 'Content-Disposition'],
      maxAge: 600,
    });
  app.useBodyParser('json', {
    limit: config.http.bodyLimit,
    type: ['application/json', 'application/*+json'],
  });
  app.use(cookieParser());
  // Answers about people must not sit in browser or proxy caches (a shared ward tablet): no-store
  // unless a route says otherwise.
  app.use('/api', (_req: express.Request, res: express.Response, next: express.NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Signals are handled in main.ts (health/graceful-shutdown.ts), which finishes requests before app.close().

  if (config.http.apiDocs) {
    SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
      jsonDocumentUrl: 'api/docs-json',
      useGlobalPrefix: false,
    });
  }

  if (config.http.spaDir) serveSpa(app, config.http.spaDir);
  return app;
}

/** The built SPA at /, hashed assets cached for a year, any other non-API GET answered with index.html (deep links). */
function serveSpa(app: NestExpressApplication, spaDir: string) {
  const index = path.join(spaDir, 'index.html');
  if (!existsSync(index)) return;
  const isApi = (req: express.Request) => req.path === '/api' || req.path.startsWith('/api/');
  const files = express.static(spaDir, {
    index: false,
    setHeaders: (res, file) => {
      res.setHeader(
        'Cache-Control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // API requests never look for a file on disk.
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    isApi(req) ? next() : files(req, res, next),
  );
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Runs `work` on two connections (the migration lock holds one) as the schema owner (MIGRATION_DATABASE_URL) when that is not the app's own. */
export async function withOwner<T>(
  config: AppConfig,
  appDataSource: DataSource,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  if (config.database.migrationUrl === config.database.url) return work(appDataSource);
  const owner = await new DataSource(dataSourceOptions(config.database.migrationUrl, 2)).initialize();
  try {
    return await work(owner);
  } finally {
    await owner.destroy();
  }
}

/** Migrations (under a lock, so replicas can start together), then demo data where allowed. */
export async function prepareDatabase(app: INestApplication, config: AppConfig, logger: JsonLogger) {
  const dataSource = app.get(DataSource);
  if (config.database.runMigrations) {
    const applied = await withOwner(config, dataSource, runMigrations);
    if (applied.length) logger.log({ msg: 'migrations applied', migrations: applied }, 'Database');
  }
  // The app should not be able to rewrite its own audit trail (docs/security.md, "Database roles").
  const [{ can_rewrite }] = (await dataSource.query(
    `SELECT has_table_privilege('audit_events', 'UPDATE') OR has_table_privilege('audit_events', 'DELETE') AS can_rewrite`,
  )) as { can_rewrite: boolean }[];
  if (can_rewrite)
    logger.warn(
      {
        msg: 'the app connects as a database role that may change or delete audit rows; connect as a member of beacon_app and set MIGRATION_DATABASE_URL to the owner (docs/security.md)',
      },
      'Database',
    );
  if (config.seedDemoData) {
    const seeded = await seedDemoData(dataSource, app);
    if (seeded) logger.log({ msg: 'demo data created (development only)' }, 'Seed');
  }
}
