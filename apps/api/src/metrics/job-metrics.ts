/**
 * The hook for background-job metrics. The jobs module (apps/api/src/jobs) is wired to it in one
 * place, without metrics depending on jobs: something that can report job status calls
 * `MetricsService.useJobSource(source)` once, e.g. in the jobs service's onModuleInit:
 *
 *   constructor(private readonly metrics: MetricsService) {}          // MetricsModule is global
 *   onModuleInit() {
 *     this.metrics.useJobSource({ jobStatus: async () => (await this.status()).map(toJobQueueStatus) });
 *   }
 *
 * Each scrape then asks the source once and publishes `beacon_jobs{queue,state}` and
 * `beacon_job_last_success_timestamp_seconds{queue}`. Until a source is wired they are absent.
 */
export interface JobQueueStatus {
  /** The pg-boss queue name, e.g. "audit-chain-verify". */
  queue: string;
  /** Jobs by state now: created, retry, active, failed, … (pg-boss's states, or any subset). */
  counts: Record<string, number>;
  /** When a job of this queue last completed successfully; null if never. */
  lastSucceededAt: Date | null;
}

export interface JobMetricsSource {
  jobStatus(): Promise<JobQueueStatus[]>;
}
