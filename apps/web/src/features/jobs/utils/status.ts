import type { Schemas } from '@beacon/api-client';

type JobsStatus = Schemas['JobsStatusDto'];

/** Jobs whose latest run failed: what admins must look at first. */
export function failedJobs(status: JobsStatus | undefined) {
  return (status?.items ?? []).filter((item) => item.lastRun?.outcome === 'FAILED');
}

/** The scheduler has not looked for due jobs for this long: no API process is running jobs. */
export const SCHEDULER_QUIET_MS = 5 * 60_000;

export function schedulerQuiet(status: JobsStatus, now: number): boolean {
  return (
    status.schedulerSeenAt === null || now - new Date(status.schedulerSeenAt).getTime() > SCHEDULER_QUIET_MS
  );
}

/** Whether a run asked for at `since` has finished (so the page can stop watching). */
export function finishedSince(status: JobsStatus | undefined, job: string, since: number): boolean {
  const run = status?.items.find((item) => item.name === job)?.lastRun;
  return Boolean(run && new Date(run.finishedAt).getTime() >= since);
}

/** How long the Jobs page follows a run it asked for, at most. */
export const WATCH_MS = 120_000;

/** Whether a run asked for at `since` is still to finish (and worth following a while yet). */
export function stillWaiting(
  status: JobsStatus | undefined,
  watched: { job: string; since: number },
  now = Date.now(),
): boolean {
  return now - watched.since < WATCH_MS && !finishedSince(status, watched.job, watched.since);
}
