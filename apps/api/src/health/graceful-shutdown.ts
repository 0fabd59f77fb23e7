import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { Lifecycle } from './lifecycle';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * On SIGTERM or SIGINT: readiness answers 503 at once; after SHUTDOWN_DRAIN_SECONDS the listener
 * closes (new connections are refused, so a proxy retries another replica); requests in flight
 * are answered; then Nest's lifecycle hooks run (app.close(): background work stops, TypeORM
 * closes the pool) and the process exits 0. Past SHUTDOWN_TIMEOUT_SECONDS it exits 1 whatever
 * is still open.
 *
 * Nest's own enableShutdownHooks() is not used: it runs the module hooks while the listener is
 * still open and then re-raises the signal, so the process ends "killed by SIGTERM" (status 143)
 * rather than 0. app.close() runs the same hooks, in an order that finishes the requests first.
 */
export function handleShutdownSignals(
  app: INestApplication,
  config: AppConfig,
  logger: LoggerService,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const lifecycle = app.get(Lifecycle);
  const { shutdownDrainSeconds: drain, shutdownTimeoutSeconds: limit } = config.ops;

  async function shutDown(signal: string) {
    const started = Date.now();
    logger.log(
      {
        msg: 'shutting down: readiness is 503, finishing requests in flight',
        signal,
        drainSeconds: drain,
        timeoutSeconds: limit,
        requestsInFlight: lifecycle.requestsInFlight,
      },
      'Shutdown',
    );
    const force = setTimeout(() => {
      logger.error(
        {
          msg: `shutdown took longer than ${limit} s: exiting with requests unanswered`,
          requestsInFlight: lifecycle.requestsInFlight,
        },
        'Shutdown',
      );
      exit(1);
    }, limit * 1000);
    force.unref();

    try {
      // Load balancers that poll readiness stop sending traffic during the drain.
      if (drain > 0) await sleep(drain * 1000);
      await closeListener(app.getHttpServer() as Server);
      await app.close();
      clearTimeout(force);
      logger.log(
        {
          msg: 'shut down cleanly',
          durationMs: Date.now() - started,
          databasePool: app.get(DataSource).isInitialized ? 'open' : 'closed',
        },
        'Shutdown',
      );
      exit(0);
    } catch (error) {
      clearTimeout(force);
      logger.error(
        { msg: 'shutdown failed', error: error instanceof Error ? error.message : String(error) },
        'Shutdown',
      );
      exit(1);
    }
  }

  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (lifecycle.beginShutdown()) void shutDown(signal);
      // Ctrl-C reaches both `npm start`'s wrapper, which forwards it, and this process: ignore the echo.
      else logger.debug?.({ msg: `${signal} again: already shutting down` }, 'Shutdown');
    });
  }
}

/**
 * Stops accepting connections and resolves once every open one has ended. Idle keep-alive
 * connections are closed now and again while in-flight requests finish, so a proxy's pooled
 * connection cannot hold the process open.
 */
function closeListener(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}
