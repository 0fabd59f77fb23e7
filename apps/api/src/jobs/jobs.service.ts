import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseExpression } from 'cron-parser';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app.exception';
import { requireUser, type RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { JobRunRequestedDto, JobRunDto, JobsStatusDto, mapJobRun } from './dto/jobs.dto';
import { JOB_NAMES, JobRunEntity, type JobName, type JobTrigger } from './entities/job-run.entity';
import { JobHandlers, type JobResult } from './job-handlers';
import { JOBS, JOBS_TIME_ZONE } from './job-definitions';

export const PGBOSS_SCHEMA = 'pgboss';
/** How often each worker asks its queue for work (a run asked for here starts at once). */
const POLLING_SECONDS = 5;
const KEEP_RUNS_DAYS = 90;
/**
 * Running jobs may finish at shutdown within what is left of SHUTDOWN_TIMEOUT_SECONDS after the
 * drain, less a margin for closing the pool; pg-boss then gives up on them and they are retried.
 */
export function jobsStopTimeoutMs(ops: AppConfig['ops']): number {
  return Math.max(1_000, (ops.shutdownTimeoutSeconds - ops.shutdownDrainSeconds) * 1_000 - 2_000);
}

/** pg-boss's clocks in seconds; tests shorten them to see a schedule fire without waiting for it. */
export interface JobsTiming {
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
  cronWorkerIntervalSeconds?: number;
}

interface JobData {
  trigger?: JobTrigger;
  requestedBy?: string | null;
}

interface QueueCounts {
  queued: number;
  active: number;
  failedLast7Days: number;
}

/**
 * Background jobs on pg-boss (ADR 0013): the schedules, the workers, the record of each run
 * and the status admins see. Every API process with JOBS_ENABLED runs a worker per queue: a job
 * goes to one of them (pg-boss fetches with SKIP LOCKED), and each schedule fires once however
 * many processes there are (pg-boss's cron takes a database lock on its clock).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | null = null;
  private readonly workers = new Map<JobName, string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: JobHandlers,
    private readonly audit: AuditService,
    private readonly metrics: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.enabled) return;
    await this.start();
    // The processes that run jobs publish their queues' state at each scrape (job-metrics.ts).
    this.metrics.useJobSource({ jobStatus: () => this.queueStatus() });
  }

  /** Before the database connections close: running jobs may finish (they use them). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  get running(): boolean {
    return this.boss !== null;
  }

  /**
   * Starts pg-boss as the app's own least-privileged login. Its schema and queues are the
   * migrations' (`migrate: false`): a missing or older schema, or a missing queue, stops the start.
   */
  async start(timing: JobsTiming = {}): Promise<void> {
    if (this.boss) return;
    const { pollingIntervalSeconds = POLLING_SECONDS, ...clocks } = timing;
    const boss = new PgBoss({
      ...clocks, // pg-boss refuses a key that is present but undefined
      connectionString: this.config.database.url,
      schema: PGBOSS_SCHEMA,
      migrate: false,
      max: 3,
      application_name: 'beacon-jobs',
      // Finished jobs move to the archive after 12 hours (pg-boss's default) and leave it after 30 days.
      deleteAfterDays: 30,
    });
    boss.on('error', (error: Error) =>
      this.logger.error({ msg: 'pg-boss reported an error', error: error.message }),
    );
    await boss.start();
    try {
      for (const name of JOB_NAMES) {
        if (!(await boss.getQueue(name)))
          throw new Error(
            `pg-boss has no queue "${name}": run the migrations (a migration creates each queue)`,
          );
      }
      for (const name of JOB_NAMES)
        await boss.schedule(name, JOBS[name].cron, { trigger: 'SCHEDULE' } satisfies JobData, {
          tz: JOBS_TIME_ZONE,
        });
      for (const schedule of await boss.getSchedules())
        if (!(JOB_NAMES as readonly string[]).includes(schedule.name)) await boss.unschedule(schedule.name);
      for (const name of JOB_NAMES) {
        const id = await boss.work<JobData>(name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) =>
          this.onJob(name, job),
        );
        this.workers.set(name, id);
      }
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw error;
    }
    this.boss = boss;
    this.logger.log({ msg: 'background jobs started', jobs: JOB_NAMES });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = null;
    this.workers.clear();
    await boss.stop({ graceful: true, wait: true, timeout: jobsStopTimeoutMs(this.config.ops) });
    this.logger.log({ msg: 'background jobs stopped' });
  }

  /** A job pg-boss handed this process. A failed run throws, so pg-boss records the failure (and retries where its queue says). */
  private async onJob(name: JobName, job: PgBoss.Job<JobData> | undefined): Promise<{ runId: string }> {
    if (!job) throw new Error('pg-boss called the worker without a job');
    const run = await this.execute(name, {
      trigger: job.data?.trigger === 'MANUAL' ? 'MANUAL' : 'SCHEDULE',
      requestedBy: job.data?.requestedBy ?? null,
      queueJobId: job.id,
    });
    if (run.outcome === 'FAILED') throw new Error(run.summary);
    return { runId: run.id };
  }

  /**
   * Runs a job here and now and records the run (the workers call this; so do tests). Never
   * throws for the job's own failure: that is a FAILED run, logged as an error.
   */
  async execute(
    name: JobName,
    how: { trigger: JobTrigger; requestedBy?: string | null; queueJobId?: string | null },
  ): Promise<JobRunDto> {
    const startedAt = new Date();
    let result: JobResult;
    try {
      result = await this.handlers.run(name);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = { ok: false, summary: `The run stopped with an error: ${message.slice(0, 300)}`, details: {} };
    }
    const run = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(JobRunEntity);
      const saved = await repo.save(
        repo.create({
          job: name,
          trigger: how.trigger,
          requestedBy: how.requestedBy ?? null,
          queueJobId: how.queueJobId ?? null,
          startedAt,
          finishedAt: new Date(),
          outcome: result.ok ? 'SUCCEEDED' : 'FAILED',
          summary: result.summary,
          details: result.details,
        }),
      );
      await manager.query(
        `DELETE FROM job_runs WHERE job = $1 AND started_at < now() - make_interval(days => $2)`,
        [name, KEEP_RUNS_DAYS],
      );
      return saved;
    });
    const entry = {
      job: name,
      runId: run.id,
      trigger: how.trigger,
      outcome: run.outcome,
      summary: run.summary,
      ms: run.finishedAt.getTime() - startedAt.getTime(),
    };
    if (result.ok) this.logger.log({ msg: 'job finished', ...entry });
    else this.logger.error({ msg: 'job failed', ...entry });
    return mapJobRun(run);
  }

  /**
   * Queues a run now (admins). The job and its audit event are written in one transaction; this
   * process's worker is then woken so the run starts at once.
   */
  async runNow(ctx: RequestContext, name: JobName): Promise<JobRunRequestedDto> {
    const boss = this.boss;
    if (!boss)
      throw new AppException(
        409,
        'jobs-disabled',
        'Background jobs are switched off in this API process (JOBS_ENABLED=false).',
      );
    const user = requireUser(ctx);
    const queueJobId = await this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('a transaction has a query runner');
      const id = await boss.send(name, { trigger: 'MANUAL', requestedBy: user.id } satisfies JobData, {
        db: {
          executeSql: async (text: string, values: unknown[]) => ({
            rows: (await runner.query(text, values, true)).records,
          }),
        },
      });
      if (!id)
        throw new AppException(
          409,
          'job-already-queued',
          'This job is already waiting to run; it starts soon.',
        );
      await this.audit.record(manager, ctx, {
        action: 'job.run',
        entityType: 'job',
        entityId: id,
        details: { job: name },
      });
      return id;
    });
    const worker = this.workers.get(name);
    if (worker) boss.notifyWorker(worker);
    return { job: name, queueJobId };
  }

  /**
   * Each job's schedule, next and last run, and pg-boss's counts: for the Jobs page, and for
   * metrics. Read from the database, so any API process answers for all of them.
   */
  async status(now = new Date()): Promise<JobsStatusDto> {
    const runs = this.dataSource.getRepository(JobRunEntity);
    const [latest, succeeded, counts, schedules, clock, recent] = await Promise.all([
      runs
        .createQueryBuilder('j')
        .distinctOn(['j.job'])
        .orderBy('j.job')
        .addOrderBy('j.startedAt', 'DESC')
        .getMany(),
      this.dataSource.query(
        `SELECT job, max(started_at) AS at FROM job_runs WHERE outcome = 'SUCCEEDED' GROUP BY job`,
      ) as Promise<{ job: JobName; at: Date }[]>,
      this.queueCounts(),
      this.dataSource.query(
        `SELECT name, cron, timezone FROM ${PGBOSS_SCHEMA}.schedule WHERE name = ANY ($1)`,
        [JOB_NAMES],
      ) as Promise<{ name: JobName; cron: string; timezone: string | null }[]>,
      this.dataSource.query(`SELECT cron_on FROM ${PGBOSS_SCHEMA}.version`) as Promise<
        { cron_on: Date | null }[]
      >,
      runs.find({ order: { startedAt: 'DESC' }, take: 20 }),
    ]);
    const items = JOB_NAMES.map((name) => {
      const last = latest.find((run) => run.job === name);
      const schedule = schedules.find((s) => s.name === name);
      return {
        name,
        title: JOBS[name].title,
        description: JOBS[name].description,
        cron: JOBS[name].cron,
        timeZone: JOBS_TIME_ZONE,
        every: JOBS[name].every,
        nextRunAt: schedule
          ? parseExpression(schedule.cron, { tz: schedule.timezone ?? 'UTC', currentDate: now })
              .next()
              .toDate()
              .toISOString()
          : null,
        lastRun: last ? mapJobRun(last) : null,
        lastSucceededAt: succeeded.find((s) => s.job === name)?.at.toISOString() ?? null,
        ...(counts.get(name) ?? { queued: 0, active: 0, failedLast7Days: 0 }),
      };
    });
    return {
      enabled: this.running,
      schedulerSeenAt: clock[0]?.cron_on?.toISOString() ?? null,
      items,
      recentRuns: recent.map(mapJobRun),
    };
  }

  /** Per queue: jobs by state and the last success (the shape metrics/job-metrics.ts reads). */
  async queueStatus(): Promise<
    { queue: JobName; counts: Record<string, number>; lastSucceededAt: Date | null }[]
  > {
    const { items } = await this.status();
    return items.map((item) => ({
      queue: item.name,
      counts: { created: item.queued, active: item.active, failed: item.failedLast7Days },
      lastSucceededAt: item.lastSucceededAt ? new Date(item.lastSucceededAt) : null,
    }));
  }

  private async queueCounts(): Promise<Map<JobName, QueueCounts>> {
    const rows = (await this.dataSource.query(
      `SELECT name,
              count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
              count(*) FILTER (WHERE state = 'active')::int AS active,
              count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '7 days')::int AS failed
         FROM (SELECT name, state, completed_on FROM ${PGBOSS_SCHEMA}.job WHERE name = ANY ($1)
               UNION ALL
               SELECT name, state, completed_on FROM ${PGBOSS_SCHEMA}.archive
                WHERE name = ANY ($1) AND state = 'failed' AND archived_on > now() - interval '7 days') jobs
        GROUP BY name`,
      [JOB_NAMES],
    )) as { name: JobName; queued: number; active: number; failed: number }[];
    return new Map(
      rows.map((r) => [r.name, { queued: r.queued, active: r.active, failedLast7Days: r.failed }]),
    );
  }
}
