import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { sqlList } from '../../database/sql';
import { UserEntity } from '../../users/entities/user.entity';

export const JOB_NAMES = ['reminders', 'retention-review', 'audit-verify'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const JOB_TRIGGERS = ['SCHEDULE', 'MANUAL'] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];

export const JOB_OUTCOMES = ['SUCCEEDED', 'FAILED'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

/**
 * One finished run of a background job and what came of it, kept 90 days: what admins see on
 * the Jobs page (pg-boss's own records move to its archive after 12 hours).
 */
@Entity({ name: 'job_runs' })
@Check('job_runs_job_valid', `job IN (${sqlList(JOB_NAMES)})`)
@Check('job_runs_trigger_valid', `trigger IN (${sqlList(JOB_TRIGGERS)})`)
@Check('job_runs_outcome_valid', `outcome IN (${sqlList(JOB_OUTCOMES)})`)
@Index('job_runs_job_started_idx', ['job', 'startedAt'])
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  job: JobName;

  @Column({ type: 'text' })
  trigger: JobTrigger;

  /** The admin who asked for a run now (null: the schedule). */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by' })
  requester?: UserEntity;

  /** The pg-boss job that ran it (null when run directly, as tests do). */
  @Column({ name: 'queue_job_id', type: 'uuid', nullable: true })
  queueJobId: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz' })
  finishedAt: Date;

  @Column({ type: 'text' })
  outcome: JobOutcome;

  /** One sentence for admins: counts and identifiers only, never case content. */
  @Column({ type: 'text' })
  summary: string;

  /** The figures behind the summary (e.g. reminders created and removed per kind). */
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}
