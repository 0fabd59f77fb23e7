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
import { WEEKDAYS, type Weekday } from '@beacon/domain';
import { sqlList } from '../../database/sql';
import { WardEntity } from '../../hospitals/entities/ward.entity';
import { UserEntity } from '../../users/entities/user.entity';

/** "Ward 3, every Tuesday 10:00 for 90 minutes, advocate A, from … until …" (Europe/London wall time). */
@Entity({ name: 'visit_schedules' })
@Check('visit_schedules_weekday_valid', `weekday IN (${sqlList(WEEKDAYS)})`)
@Check('visit_schedules_start_time_valid', `start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
@Check('visit_schedules_duration_valid', `duration_minutes BETWEEN 5 AND 720`)
@Check('visit_schedules_end_after_start', `ends_on IS NULL OR ends_on >= starts_on`)
@Index('visit_schedules_advocate_idx', ['advocateId'])
@Index('visit_schedules_ward_idx', ['wardId'])
export class VisitScheduleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  @Column({ type: 'text' })
  weekday: Weekday;

  @Column({ name: 'start_time', type: 'text' })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
