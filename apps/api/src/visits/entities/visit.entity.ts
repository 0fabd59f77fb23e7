import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { VISIT_STATUSES, type VisitStatus } from '@beacon/domain';
import { sqlList } from '../../database/sql';
import { WardEntity } from '../../hospitals/entities/ward.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { VisitScheduleEntity } from './visit-schedule.entity';

/**
 * One ward visit. Planned visits are made from their schedule for the weeks someone looks at
 * (one row per schedule and planned date, so ids are stable); a visit can be moved or
 * cancelled on its own, and is logged as HELD or CANCELLED when it happens.
 */
@Entity({ name: 'visits' })
@Check('visits_status_valid', `status IN (${sqlList(VISIT_STATUSES)})`)
@Check('visits_start_time_valid', `start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
@Check('visits_duration_valid', `duration_minutes BETWEEN 5 AND 720`)
@Check(
  'visits_counts_valid',
  `patients_seen >= 0 AND new_referrals >= 0 AND minutes_spent >= 0 AND new_referrals <= patients_seen`,
)
@Index('visits_schedule_occurrence_key', ['scheduleId', 'occurrenceDate'], { unique: true })
@Index('visits_advocate_date_idx', ['advocateId', 'date'])
@Index('visits_ward_date_idx', ['wardId', 'date'])
@Index('visits_date_idx', ['date'])
export class VisitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'schedule_id', type: 'uuid', nullable: true })
  scheduleId: string | null;

  @ManyToOne(() => VisitScheduleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: VisitScheduleEntity;

  /** The date the schedule planned it for (a moved visit keeps it, so it is not planned twice). */
  @Column({ name: 'occurrence_date', type: 'date', nullable: true })
  occurrenceDate: string | null;

  @Column({ name: 'ward_id', type: 'uuid' })
  wardId: string;

  @ManyToOne(() => WardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ward_id' })
  ward?: WardEntity;

  @Column({ name: 'advocate_id', type: 'uuid' })
  advocateId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'advocate_id' })
  advocate?: UserEntity;

  @Column({ type: 'date' })
  date: string;

  @Column({ name: 'start_time', type: 'text' })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ type: 'text', default: 'PLANNED' })
  status: VisitStatus;

  @Column({ name: 'patients_seen', type: 'integer', default: 0 })
  patientsSeen: number;

  @Column({ name: 'new_referrals', type: 'integer', default: 0 })
  newReferrals: number;

  @Column({ name: 'minutes_spent', type: 'integer', default: 0 })
  minutesSpent: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Why it was cancelled (logged CANCELLED, or cancelled ahead). */
  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ name: 'logged_at', type: 'timestamptz', nullable: true })
  loggedAt: Date | null;

  @Column({ name: 'logged_by', type: 'uuid', nullable: true })
  loggedBy: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
