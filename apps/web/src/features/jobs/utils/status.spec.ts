import type { Schemas } from '@beacon/api-client';
import { failedJobs, finishedSince, schedulerQuiet, stillWaiting } from './status';

type JobsStatus = Schemas['JobsStatusDto'];

const run = (outcome: 'SUCCEEDED' | 'FAILED', finishedAt: string) => ({
  id: 'r',
  job: 'audit-verify' as const,
  trigger: 'SCHEDULE' as const,
  requestedBy: null,
  startedAt: finishedAt,
  finishedAt,
  outcome,
  summary: 'x',
});

const status = (lastRun: ReturnType<typeof run> | null, schedulerSeenAt: string | null): JobsStatus => ({
  enabled: true,
  schedulerSeenAt,
  recentRuns: [],
  items: [
    {
      name: 'audit-verify',
      title: 'Audit chain check',
      description: '',
      cron: '30 2 * * *',
      timeZone: 'Europe/London',
      every: 'Every night at 02:30',
      nextRunAt: null,
      lastRun,
      lastSucceededAt: null,
      queued: 0,
      active: 0,
      failedLast7Days: 0,
    },
  ],
});

describe('job status', () => {
  it('picks out the jobs whose latest run failed', () => {
    expect(failedJobs(status(run('FAILED', '2026-11-29T02:30:01Z'), null)).map((i) => i.name)).toEqual([
      'audit-verify',
    ]);
    expect(failedJobs(status(run('SUCCEEDED', '2026-11-29T02:30:01Z'), null))).toEqual([]);
    expect(failedJobs(undefined)).toEqual([]);
  });

  it('calls the scheduler quiet after five minutes without a look', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(schedulerQuiet(status(null, '2026-11-29T11:56:00Z'), now)).toBe(false);
    expect(schedulerQuiet(status(null, '2026-11-29T11:54:59Z'), now)).toBe(true);
    expect(schedulerQuiet(status(null, null), now)).toBe(true);
  });

  it('knows when a run asked for has finished', () => {
    const since = Date.parse('2026-11-29T12:00:00Z');
    expect(finishedSince(status(run('SUCCEEDED', '2026-11-29T12:00:02Z'), null), 'audit-verify', since)).toBe(
      true,
    );
    expect(finishedSince(status(run('SUCCEEDED', '2026-11-29T11:59:00Z'), null), 'audit-verify', since)).toBe(
      false,
    );
    expect(finishedSince(status(null, null), 'audit-verify', since)).toBe(false);
  });

  it('follows a run it asked for until it finished, or two minutes passed', () => {
    const since = Date.parse('2026-11-29T12:00:00Z');
    const watched = { job: 'audit-verify', since };
    const before = status(run('SUCCEEDED', '2026-11-29T11:00:00Z'), null);
    expect(stillWaiting(before, watched, since + 5_000)).toBe(true);
    expect(stillWaiting(before, watched, since + 120_000)).toBe(false);
    expect(stillWaiting(status(run('FAILED', '2026-11-29T12:00:03Z'), null), watched, since + 5_000)).toBe(
      false,
    );
  });
});
