import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MeetingEntity } from '../../casework/entities/meeting.entity';
import { sqlList } from '../../database/sql';
import { ReferralEntity } from '../../referrals/entities/referral.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { VisitEntity } from '../../visits/entities/visit.entity';

/** What a reminder is about (docs/jobs.md defines each rule). */
export const REMINDER_KINDS = ['VISIT_TODAY', 'MEETING_TOMORROW', 'NO_CONTACT_14_DAYS'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reminder to an advocate, made by the reminders job from the casework data. The table holds
 * exactly the reminders that are due now: the job adds new ones (once: the unique key) and
 * removes those whose reason has gone (the visit was logged, contact was made…), dismissed or
 * not. A dismissed one stays while it is due, so the job does not bring it back. Derived data,
 * so it goes with the visit, meeting or case it is about (ON DELETE CASCADE: ending a schedule
 * deletes its planned visits).
 */
@Entity({ name: 'reminders' })
@Check('reminders_kind_valid', `kind IN (${sqlList(REMINDER_KINDS)})`)
@Index('reminders_advocate_key', ['advocateId', 'dedupeKey'], { unique: true })
@Index('reminders_open_idx', ['advocateId', 'dueOn', 'id'], { where: 'dismissed_at IS NULL' })
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'advocate_id', type: 'uuid' })
  advocateId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advocate_id' })
  advocate?: UserEntity;

  @Column({ type: 'text' })
  kind: ReminderKind;

  /** The Europe/London day it is about: the visit's day, the meeting's day, the 14th day without contact. */
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'referral_id', type: 'uuid', nullable: true })
  referralId: string | null;

  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @Index('reminders_visit_idx')
  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId: string | null;

  @ManyToOne(() => VisitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'visit_id' })
  visit?: VisitEntity;

  @Index('reminders_meeting_idx')
  @Column({ name: 'meeting_id', type: 'uuid', nullable: true })
  meetingId: string | null;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: MeetingEntity;

  /** Identifies the occasion (e.g. `no-contact:<referral>:<last contact day>`), so each is reminded once. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'dismissed_at', type: 'timestamptz', nullable: true })
  dismissedAt: Date | null;
}
