import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Lifecycle } from '../health/lifecycle';
import type { JobMetricsSource, JobQueueStatus } from './job-metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The pieces of pg's Pool that the gauges read (TypeORM keeps it as driver.master). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * A route's template, never its raw path: ids in paths would make a series per record (and
 * put identifiers in the metrics). Requests no route matched share one label.
 */
export function routeLabel(request: Request): string {
  const template = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof template === 'string') return `${request.baseUrl ?? ''}${template}`;
  const path = request.originalUrl.split('?')[0];
  return path === '/api' || path.startsWith('/api/') ? '(unmatched)' : '(spa)';
}

/**
 * Prometheus metrics, in a registry of this app's own (several apps share a test process). Off
 * entirely, collecting nothing, unless METRICS_TOKEN is set.
 */
@Injectable()
export class MetricsService {
  readonly enabled: boolean;
  readonly registry = new Registry();
  private readonly httpDuration?: Histogram<'method' | 'route' | 'status'>;
  private jobSource: JobMetricsSource | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    lifecycle: Lifecycle,
  ) {
    this.enabled = config.ops.metricsToken !== null;
    if (!this.enabled) return;
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });

    this.httpDuration = new Histogram({
      name: 'beacon_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status, from arrival to the last byte of the answer',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    new Gauge({
      name: 'beacon_http_requests_in_flight',
      help: 'HTTP requests received and not yet answered',
      registers,
      collect() {
        this.set(lifecycle.requestsInFlight);
      },
    });
    new Gauge({
      name: 'beacon_shutting_down',
      help: '1 while the process is shutting down (readiness answers 503)',
      registers,
      collect() {
        this.set(lifecycle.shuttingDown ? 1 : 0);
      },
    });

    const pool = () => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    const poolGauge = (name: string, help: string, read: (p: PgPool) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const p = pool();
          if (p) this.set(read(p));
        },
      });
    poolGauge('beacon_db_pool_connections', 'Open connections in the database pool', (p) => p.totalCount);
    poolGauge('beacon_db_pool_idle_connections', 'Pool connections not running a query', (p) => p.idleCount);
    poolGauge(
      'beacon_db_pool_waiting_clients',
      'Queries waiting for a free pool connection (above 0 for long: the pool is too small or queries too slow)',
      (p) => p.waitingCount,
    );
    new Gauge({
      name: 'beacon_db_pool_max_connections',
      help: 'The pool size (DATABASE_POOL_SIZE)',
      registers,
    }).set(config.database.poolSize);

    const source = () => this.jobSource;
    // Both job gauges read one status per scrape: the first collect() asks, the second reuses it.
    let pendingStatus: Promise<JobQueueStatus[] | null> | null = null;
    const status = () => {
      const s = source();
      if (!s) return Promise.resolve(null);
      // A failing source leaves the job gauges empty for this scrape rather than failing it.
      pendingStatus ??= s
        .jobStatus()
        .catch(() => null)
        .finally(() => setImmediate(() => (pendingStatus = null)));
      return pendingStatus;
    };
    new Gauge({
      name: 'beacon_jobs',
      help: 'Background jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        const queues = await status();
        this.reset();
        for (const q of queues ?? [])
          for (const [state, count] of Object.entries(q.counts)) this.set({ queue: q.queue, state }, count);
      },
    });
    new Gauge({
      name: 'beacon_job_last_success_timestamp_seconds',
      help: 'When a job of the queue last completed successfully (Unix time)',
      labelNames: ['queue'],
      registers,
      async collect() {
        const queues = await status();
        this.reset();
        for (const q of queues ?? [])
          if (q.lastSucceededAt) this.set({ queue: q.queue }, q.lastSucceededAt.getTime() / 1000);
      },
    });
  }

  /** Where background jobs report their status for beacon_jobs (see job-metrics.ts). */
  useJobSource(source: JobMetricsSource): void {
    this.jobSource = source;
  }

  /** Express middleware: times every request into the histogram (a no-op when metrics are off). */
  readonly track = (request: Request, response: Response, next: NextFunction) => {
    const histogram = this.httpDuration;
    if (!histogram) return next();
    const end = histogram.startTimer();
    response.once('finish', () =>
      end({
        method: METHODS.has(request.method) ? request.method : 'OTHER',
        route: routeLabel(request),
        status: String(response.statusCode),
      }),
    );
    next();
  };

  async render(): Promise<string> {
    return this.registry.metrics();
  }
}
