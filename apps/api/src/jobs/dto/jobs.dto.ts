import { ApiProperty } from '@nestjs/swagger';
import {
  JOB_NAMES,
  JOB_OUTCOMES,
  JOB_TRIGGERS,
  type JobName,
  type JobOutcome,
  type JobRunEntity,
  type JobTrigger,
} from '../entities/job-run.entity';

export class JobRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: JOB_NAMES, enumName: 'JobName' }) job: JobName;
  @ApiProperty({
    enum: JOB_TRIGGERS,
    enumName: 'JobTrigger',
    description: 'SCHEDULE, or MANUAL (an admin ran it now)',
  })
  trigger: JobTrigger;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) requestedBy: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) finishedAt: string;
  @ApiProperty({ enum: JOB_OUTCOMES, enumName: 'JobOutcome' }) outcome: JobOutcome;
  @ApiProperty({ description: 'What came of it, in a sentence (counts and identifiers only)' })
  summary: string;
}

export function mapJobRun(run: JobRunEntity): JobRunDto {
  return {
    id: run.id,
    job: run.job,
    trigger: run.trigger,
    requestedBy: run.requestedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    outcome: run.outcome,
    summary: run.summary,
  };
}

export class JobStatusDto {
  @ApiProperty({ enum: JOB_NAMES, enumName: 'JobName' }) name: JobName;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: '0 * * * *', description: 'Cron, in timeZone' }) cron: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone: string;
  @ApiProperty({ example: 'Every hour, on the hour' }) every: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      'The next scheduled run (null until an API process with jobs on has registered the schedule)',
  })
  nextRunAt: string | null;
  @ApiProperty({ type: JobRunDto, nullable: true }) lastRun: JobRunDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastSucceededAt: string | null;
  @ApiProperty({ description: 'Jobs waiting in the queue (new or to retry)' }) queued: number;
  @ApiProperty({ description: 'Jobs running now' }) active: number;
  @ApiProperty({ description: 'Jobs pg-boss marked failed in the last 7 days' }) failedLast7Days: number;
}

export class JobsStatusDto {
  @ApiProperty({ description: 'Whether this API process runs jobs (JOBS_ENABLED)' }) enabled: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description:
      'When an API process last looked for due schedules (every 30 seconds while any runs jobs; older means none does)',
  })
  schedulerSeenAt: string | null;
  @ApiProperty({ type: [JobStatusDto] }) items: JobStatusDto[];
  @ApiProperty({ type: [JobRunDto], description: 'The 20 latest runs of any job, newest first' })
  recentRuns: JobRunDto[];
}

export class JobRunRequestedDto {
  @ApiProperty({ enum: JOB_NAMES, enumName: 'JobName' }) job: JobName;
  @ApiProperty({ format: 'uuid', description: 'The queued pg-boss job' }) queueJobId: string;
}
