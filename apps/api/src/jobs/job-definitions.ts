import type { JobName } from './entities/job-run.entity';

/** Schedules are Europe/London wall time, like everything else people read. */
export const JOBS_TIME_ZONE = 'Europe/London';

export interface JobDefinition {
  name: JobName;
  title: string;
  description: string;
  /** Five-field cron, in JOBS_TIME_ZONE. */
  cron: string;
  /** The schedule in words, for the Jobs page. */
  every: string;
}

/**
 * The background jobs (docs/jobs.md). Each has a pg-boss queue of the same name, made by a
 * migration (creating a queue is DDL, which the app's role may not do).
 */
export const JOBS: Record<JobName, JobDefinition> = {
  reminders: {
    name: 'reminders',
    title: 'Reminders for advocates',
    description:
      'Works out each advocate’s reminders: ward visits today, meetings tomorrow, active cases without contact for 14 days.',
    cron: '0 * * * *',
    every: 'Every hour, on the hour',
  },
  'retention-review': {
    name: 'retention-review',
    title: 'Retention review queue',
    description:
      'Counts the cases past their retention period that wait for an admin’s review, and those newly due since the last run.',
    cron: '0 3 * * *',
    every: 'Every night at 03:00',
  },
  'audit-verify': {
    name: 'audit-verify',
    title: 'Audit chain check',
    description:
      'Recomputes the audit trail’s hash chain. A break is shown here and logged as an error: someone changed history.',
    cron: '30 2 * * *',
    every: 'Every night at 02:30',
  },
};
